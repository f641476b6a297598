package fi.muutos.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * The process definition key of a running execution, read from its BPMN model (the engine's
 * deployment cache). Unlike a RepositoryService query this is not subject to the signed-in user's
 * authorizations, so a step that runs inside a user's command never fails on a missing READ grant.
 */
public final class ProcessKeys {

  private ProcessKeys() {}

  public static String of(DelegateExecution execution) {
    var executable =
        execution.getBpmnModelInstance().getModelElementsByType(Process.class).stream()
            .filter(Process::isExecutable)
            .toList();
    if (executable.size() == 1) {
      return executable.get(0).getId();
    }
    String definitionId = execution.getProcessDefinitionId();
    return executable.stream()
        .map(Process::getId)
        .filter(definitionId::startsWith)
        .findFirst()
        .orElse(definitionId);
  }
}
