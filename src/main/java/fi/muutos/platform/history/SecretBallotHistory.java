package fi.muutos.platform.history;

import fi.muutos.platform.SecretSteps;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A secret step leaves no history (issue 35, E1): its task and activity instances (assignee, end
 * time), its assignee's identity links, the operations on it (who completed it, when) and its
 * instances' variables (the respondent and the place in the list) are never written. What stays is
 * what anybody may know: who was asked (the case's list), how many have answered (the step's
 * counters) and the answers' aggregate, made at the close. Without this, whoever may read the
 * case's history could tell who answered when, and so which ballot changed a result.
 *
 * <p>Engine internals (docs/engine-extensions.md): every history event of a task, its activity, its
 * identity links, the operations on it and its instance's variables passes the history event
 * handler, with the task still in the command's cache. {@code
 * SurveySecrecyAttackTest#noApiANonAdministratorHasTellsWhoAnsweredOrWhat} fails when an upgrade
 * changes that.
 */
final class SecretBallotHistory {

  private record Secrets(Set<String> steps, Set<String> instanceVariables) {
    boolean none() {
      return steps.isEmpty();
    }
  }

  private static final Secrets NONE = new Secrets(Set.of(), Set.of());

  private final Map<String, Secrets> byDefinition = new ConcurrentHashMap<>();

  /** Whether the event is about a secret step, so it is not written. */
  boolean leavesOut(HistoryEvent event) {
    if (event instanceof HistoricTaskInstanceEventEntity task) {
      return has(secretsOf(event).steps(), task.getTaskDefinitionKey());
    }
    if (event instanceof HistoricActivityInstanceEventEntity activity) {
      return has(secretsOf(event).steps(), activity.getActivityId());
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable
        && has(secretsOf(event).instanceVariables(), variable.getVariableName())) {
      return true;
    }
    String taskId = null;
    if (event instanceof HistoricIdentityLinkLogEventEntity link) {
      taskId = link.getTaskId();
    } else if (event instanceof UserOperationLogEntryEventEntity operation) {
      taskId = operation.getTaskId();
    } else if (event instanceof HistoricDetailEventEntity detail) {
      taskId = detail.getTaskId();
    }
    // only events about a task of a running case: the model is deployed by then
    return taskId != null
        && !secretsOf(event).none()
        && has(secretsOf(event).steps(), taskDefinitionKey(taskId));
  }

  /** Whether the set holds the name; a missing name (a standalone task's) is in no set. */
  private static boolean has(Set<String> names, String name) {
    return name != null && names.contains(name);
  }

  private Secrets secretsOf(HistoryEvent event) {
    String processDefinitionId = event.getProcessDefinitionId();
    if (processDefinitionId == null) {
      return NONE;
    }
    return byDefinition.computeIfAbsent(
        processDefinitionId,
        id -> {
          var model =
              Context.getProcessEngineConfiguration()
                  .getDeploymentCache()
                  .findBpmnModelInstanceForProcessDefinition(id);
          Set<String> steps = SecretSteps.secretStepIds(model);
          return steps.isEmpty() ? NONE : new Secrets(steps, SecretSteps.instanceVariables(model));
        });
  }

  private static String taskDefinitionKey(String taskId) {
    CommandContext context = Context.getCommandContext();
    TaskEntity task = context.getDbEntityManager().getCachedEntity(TaskEntity.class, taskId);
    if (task == null) {
      task = context.getTaskManager().findTaskById(taskId);
    }
    return task == null ? null : task.getTaskDefinitionKey();
  }
}
