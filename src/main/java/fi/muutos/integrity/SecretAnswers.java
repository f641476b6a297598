package fi.muutos.integrity;

import fi.muutos.platform.SecretSteps;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Tasks whose answers are secret (a user task with the extension property {@code muutos.secret =
 * true}, e.g. a survey): whatever completes them, their variables become transient. The task's
 * complete listeners read them and store what may be stored (a survey: group, item, rating); they
 * never reach the process's variables, so the next respondent's form cannot show them, and never
 * reach the engine's history, which would tie them to the person who completed the task.
 *
 * <p>Engine internals (docs/engine-extensions.md): a task's variables set by a completion can be
 * made transient before the complete listeners run, so none reaches the process or the history.
 * {@code
 * StrategyEvaluationProcessTest#answersAreSecretFromOtherRespondentsAndFromTheEnginesHistory} fails
 * when an upgrade changes that.
 */
final class SecretAnswers {

  private final Map<String, Boolean> cache = new ConcurrentHashMap<>();
  private final ProcessEngineConfigurationImpl configuration;

  SecretAnswers(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /** Whether the task's answers are secret. */
  boolean isSecret(String taskId) {
    if (taskId == null) {
      return false;
    }
    return execute(
        context -> {
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          return task != null && isSecret(context, task);
        });
  }

  /**
   * A secret task (a survey's ballot) is its assignee's alone, whoever calls, administrators
   * included: only the assignee completes it, nobody claims, reassigns or delegates it (issue 35,
   * E3). Otherwise an administrator's answer would count as the respondent's.
   */
  void checkSecretOwner(String taskId, String operation, Caller caller, boolean completing) {
    execute(
        context -> {
          TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
          if (task == null || !isSecret(context, task)) {
            return null;
          }
          if (!completing) {
            throw new AuthorizationException(
                "Tehtävä \""
                    + task.getName()
                    + "\" on vastaajan oma: sitä ei voi ottaa, siirtää eikä delegoida ("
                    + operation
                    + " is refused on a secret task).");
          }
          if (!caller.userId().equals(task.getAssignee())) {
            throw new AuthorizationException(
                "Vain vastaaja itse voi vastata tehtävään \""
                    + task.getName()
                    + "\"; "
                    + caller.userId()
                    + " ei ole sen vastaaja (only the respondent answers a secret task).");
          }
          return null;
        });
  }

  private <T> T execute(Function<CommandContext, T> check) {
    return configuration.getCommandExecutorTxRequired().execute(check::apply);
  }

  boolean isSecret(CommandContext context, TaskEntity task) {
    if (task.getProcessDefinitionId() == null) {
      return false;
    }
    return cache.computeIfAbsent(
        task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key ->
            SecretSteps.isSecret(
                context
                    .getProcessEngineConfiguration()
                    .getDeploymentCache()
                    .findBpmnModelInstanceForProcessDefinition(task.getProcessDefinitionId()),
                task.getTaskDefinitionKey()));
  }

  /** The same values, each transient: usable in this transaction, never stored. */
  static VariableMap transientCopy(Map<String, ?> variables) {
    VariableMap copy = Variables.createVariables();
    variables
        .keySet()
        .forEach(
            name -> {
              Object value =
                  variables instanceof VariableMap map
                      ? map.getValueTyped(name)
                      : variables.get(name);
              Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
              copy.putValueTyped(
                  name,
                  plain == null
                      ? Variables.untypedNullValue(true)
                      : Variables.untypedValue(plain, true));
            });
    return copy;
  }
}
