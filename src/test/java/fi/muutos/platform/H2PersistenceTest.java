package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.MuutosApplication;
import fi.muutos.testing.OwnJvm;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default: an H2 file database. A restart on the same file keeps users, deployments
 * and instances, and does not deploy unchanged models again.
 */
@OwnJvm
class H2PersistenceTest {

  @TempDir Path dataDir;

  @Test
  void aRestartOnTheSameFileKeepsUsersDeploymentsAndInstances() {
    String url = "jdbc:h2:file:" + dataDir.resolve("muutos") + ";DB_CLOSE_ON_EXIT=FALSE";
    long deployments;
    String instanceId;
    try (ConfigurableApplicationContext first = start(url)) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      var user = engine.getIdentityService().newUser("testaaja");
      user.setPassword("salasana-123");
      engine.getIdentityService().saveUser(user);
      instanceId =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey("foundationCheck", "restart-1")
              .getId();
      deployments = engine.getRepositoryService().createDeploymentQuery().count();
      assertThat(deployments).isPositive();
    }

    try (ConfigurableApplicationContext second = start(url)) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(engine.getIdentityService().checkPassword("testaaja", "salasana-123")).isTrue();
      assertThat(engine.getIdentityService().checkPassword("kaavoittaja", "demo")).isTrue();
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(instanceId)
                  .processInstanceBusinessKey("restart-1")
                  .count())
          .isEqualTo(1);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count())
          .as("unchanged models are not deployed again")
          .isEqualTo(deployments);
      assertThat(
              engine
                  .getRepositoryService()
                  .createProcessDefinitionQuery()
                  .processDefinitionKey("foundationCheck")
                  .count())
          .isEqualTo(1);
    }
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(MuutosApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + url,
            "--camunda.bpm.job-execution.enabled=false");
  }
}
