package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/ deploys BPMN and Camunda Forms together, and a user task finds its form by id. */
@IntegrationTest
class DeploymentTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;

  @Test
  void bpmnAndFormsAreDeployedTogetherAndTheTaskFormResolves() throws IOException {
    ProcessDefinition definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("foundationCheck")
            .latestVersion()
            .singleResult();
    assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId()))
        .anyMatch(name -> name.endsWith("foundation-check.form"));

    String instanceId =
        runtimeService.startProcessInstanceByKey("foundationCheck", "deploy-1").getId();
    String taskId =
        taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    try (InputStream form = formService.getDeployedTaskForm(taskId)) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"id\": \"foundationCheckForm\"");
    }
  }
}
