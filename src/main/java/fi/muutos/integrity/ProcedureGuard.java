package fi.muutos.integrity;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The checks the guarded engine services make before they let a command run. Each check is a
 * read-only command of its own: a refusal changes nothing, not even a job's retries.
 */
final class ProcedureGuard {

  private final ProcessEngineConfigurationImpl configuration;
  private final FormFields formFields = new FormFields();
  private final SecretAnswers secretAnswers = new SecretAnswers();

  ProcedureGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /** A person completes a task: only the fields of the task's own form. */
  void checkCompletion(String taskId, Map<String, ?> variables) {
    if (variables == null || variables.isEmpty() || !Caller.isRestricted(caller())) {
      return;
    }
    execute(
        context -> {
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          if (task == null || task.getProcessDefinitionId() == null) {
            return null; // the engine's own command says that the task does not exist
          }
          refuseExtra(
              variables.keySet(),
              formFields.ofTask(context, task),
              "Tehtävän \"" + task.getName() + "\" voi päättää vain sen lomakkeen kentillä");
          return null;
        });
  }

  /**
   * The variables a task is completed with, as the engine should take them: transient when the
   * task's answers are secret ({@link SecretAnswers}), whoever completes it; unchanged otherwise.
   */
  @SuppressWarnings("unchecked")
  <V> Map<String, V> completionVariables(String taskId, Map<String, V> variables) {
    if (variables == null || variables.isEmpty() || !isSecret(taskId)) {
      return variables;
    }
    return (Map<String, V>) SecretAnswers.transientCopy(variables);
  }

  /** Whether the task's answers are secret ({@link SecretAnswers}). */
  boolean isSecret(String taskId) {
    if (taskId == null) {
      return false;
    }
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              TaskEntity task = context.getTaskManager().findTaskById(taskId);
              return task != null && secretAnswers.isSecret(context, task);
            });
  }

  /**
   * A person starts a process: at its start event only (starting elsewhere, skipping listeners or
   * mappings is for administrators), with only the fields of its start form.
   */
  void checkStart(ProcessInstantiationBuilderImpl builder) {
    Caller caller = caller();
    if (!Caller.isRestricted(caller)) {
      return;
    }
    if (!builder.getModificationBuilder().getModificationOperations().isEmpty()) {
      throw new AuthorizationException(
          "Only an administrator may start a process at another "
              + "activity than its start event, or skip its listeners or input/output mappings "
              + "(käsittely alkaa aina alusta).");
    }
    checkStartVariables(
        builder.getProcessDefinitionId(),
        builder.getProcessDefinitionKey(),
        builder.getVariables());
  }

  /** A start form is submitted: only its fields. */
  void checkStartVariables(String definitionId, String definitionKey, Map<String, ?> variables) {
    if (variables == null || variables.isEmpty() || !Caller.isRestricted(caller())) {
      return;
    }
    execute(
        context -> {
          var cache = configuration.getDeploymentCache();
          ProcessDefinitionEntity definition;
          try {
            definition =
                definitionId != null
                    ? cache.findDeployedProcessDefinitionById(definitionId)
                    : cache.findDeployedLatestProcessDefinitionByKey(definitionKey);
          } catch (RuntimeException unknown) {
            return null; // the engine's own command says that there is no such process
          }
          refuseExtra(
              variables.keySet(),
              formFields.ofStart(context, definition),
              "Käsittelyn \""
                  + definition.getName()
                  + "\" voi aloittaa vain aloituslomakkeen kentillä");
          return null;
        });
  }

  /** A person may write on a task (comments) only if they may work on it ({@code TASK_WORK}). */
  void checkWorksOn(String taskId) {
    if (taskId == null || !Caller.isRestricted(caller())) {
      return;
    }
    checkEach(
        context -> context.getTaskManager().findTaskById(taskId), CommandChecker::checkTaskWork);
  }

  /** What only an administrator (or Muutos' own code) may do. */
  void adminOnly(String what) {
    if (Caller.isRestricted(caller())) {
      throw new AuthorizationException("Only an administrator may " + what + ".");
    }
  }

  /**
   * A person asks to execute a job now (e.g. a timer). Checked before the engine's own command: the
   * engine counts a refusal inside that command as a failure of the job, which would lower its
   * retries and move its due date to "now".
   */
  void checkJobExecution(String jobId) {
    if (caller() == null || jobId == null) {
      return;
    }
    checkEach(
        context -> context.getJobManager().findJobById(jobId), CommandChecker::checkUpdateJob);
  }

  private static void refuseExtra(Set<String> given, Set<String> allowed, String rule) {
    Set<String> extra = new TreeSet<>(given);
    extra.removeAll(allowed);
    if (!extra.isEmpty()) {
      // the engine's own form-validation refusal: both REST APIs (engine REST and the webapps')
      // answer it with 400 and its message, which Tasklist shows
      throw new FormFieldValidationException(
          extra,
          rule
              + "; lomakkeella ei ole kenttää "
              + extra
              + " (only the fields of the form may be set; nothing was changed).");
    }
  }

  private Caller caller() {
    return Caller.of(configuration);
  }

  /**
   * Runs the engine's own authorization check on an item, when it exists, in a command of its own.
   */
  private <T> void checkEach(
      Function<CommandContext, T> find, BiConsumer<CommandChecker, T> check) {
    execute(
        context -> {
          T item = find.apply(context);
          if (item != null) {
            configuration.getCommandCheckers().forEach(checker -> check.accept(checker, item));
          }
          return null;
        });
  }

  private void execute(Command<Void> check) {
    configuration.getCommandExecutorTxRequired().execute(check);
  }
}
