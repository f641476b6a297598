package fi.muutos.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.ProcessDriver;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gate on the Java path: the services Spring hands out are the gate's proxies (still the
 * engine's own classes, which the REST API casts to), a person's call is held to the table, Muutos'
 * own code (no authentication) is trusted, and what a permitted call sets off inside runs.
 */
@IntegrationTest
class EngineGateTest {

  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ProcessDriver driver;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void theServicesAreTheGatesProxiesOfTheEnginesOwnClasses() {
    assertThat(AopUtils.isCglibProxy(taskService)).isTrue();
    assertThat(taskService).isInstanceOf(TaskServiceImpl.class);
    assertThat(runtimeService).isInstanceOf(RuntimeServiceImpl.class);
    assertThat(AopUtils.isCglibProxy(identityService)).isTrue();
  }

  @Test
  void aPersonsJavaCallIsHeldToTheTable() {
    String instance = runtimeService.startProcessInstanceByKey("foundationCheck", key()).getId();
    String task = driver.task(instance, "userTask_check").getId();
    identityService.setAuthentication("kaavoittaja", List.of("kaavoitus"));

    assertThatThrownBy(() -> taskService.handleBpmnError(task, "x"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.setVariable(task, "x", 1))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtimeService.createMessageCorrelation("decisionMade"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> repositoryService.createDeployment())
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> managementService.getTableCount())
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.complete(task, Map.of("note", 5)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("note");
    // the step with its form's field: the process goes on (what follows runs inside the call)
    taskService.complete(task, Map.of("note", "tarkistettu"));
    identityService.clearAuthentication();
    assertThat(driver.ended(instance, "endEvent_checked")).isTrue();
  }

  @Test
  void aPersonStartsOnlyWhatTheirGroupStartsAndAtItsStartEvent() {
    identityService.setAuthentication("kirjaaja", List.of("kirjaamo"));
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("zoningPlan"))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("aloitusoikeutta");
    identityService.setAuthentication("kaavoittaja", List.of("kaavoitus"));
    assertThatThrownBy(
            () ->
                runtimeService
                    .createProcessInstanceByKey("zoningPlan")
                    .startBeforeActivity("userTask_checkLegalForce"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(
            () ->
                runtimeService
                    .createProcessInstanceByKey("zoningPlan")
                    .setVariable("displayDays", 1)
                    .execute())
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("displayDays");
    assertThatThrownBy(
            () -> runtimeService.createProcessInstanceByKey("zoningPlan").execute(true, false))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void muutosOwnCodeIsTrusted() {
    String instance = runtimeService.startProcessInstanceByKey("foundationCheck", key()).getId();
    runtimeService.setVariable(instance, "note", "järjestelmä");
    assertThat(runtimeService.getVariable(instance, "note")).isEqualTo("järjestelmä");
    runtimeService.deleteProcessInstance(instance, "testi");
  }

  private static String key() {
    return "GATE-" + UUID.randomUUID();
  }
}
