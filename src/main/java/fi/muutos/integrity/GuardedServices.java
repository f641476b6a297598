package fi.muutos.integrity;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.camunda.bpm.engine.externaltask.FetchAndLockBuilder;
import org.camunda.bpm.engine.impl.ExternalTaskServiceImpl;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ConditionEvaluationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.runtime.RestartProcessInstanceBuilder;
import org.camunda.bpm.engine.runtime.SignalEventReceivedBuilder;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's public services with {@link ProcedureGuard}'s checks in front of the calls through
 * which a person could skip, shorten or redirect a step. Everything else is the engine's own.
 */
final class GuardedServices {

  private GuardedServices() {}

  static void install(ProcessEngineConfigurationImpl configuration) {
    ProcedureGuard guard = new ProcedureGuard(configuration);
    configuration.setTaskService(new Tasks(guard));
    configuration.setFormService(new Forms(guard));
    configuration.setRuntimeService(new Runtime(guard));
    configuration.setManagementService(new Management(configuration, guard));
    configuration.setExternalTaskService(new ExternalTasks(guard));
  }

  static final class Tasks extends TaskServiceImpl {
    private final ProcedureGuard guard;

    Tasks(ProcedureGuard guard) {
      this.guard = guard;
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
      guard.checkCompletion(taskId, variables);
      super.complete(taskId, guard.completionVariables(taskId, variables));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(
        String taskId, Map<String, Object> variables, boolean deserializeValues) {
      guard.checkCompletion(taskId, variables);
      return super.completeWithVariablesInReturn(
          taskId, guard.completionVariables(taskId, variables), deserializeValues);
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
      guard.checkCompletion(taskId, variables);
      super.resolveTask(taskId, guard.completionVariables(taskId, variables));
    }

    // The engine lets anyone who reads a task comment on it; a comment belongs to the case's
    // record, so only those who may work on the task write one.

    @Override
    public Comment createComment(String taskId, String processInstance, String message) {
      guard.checkWorksOn(taskId);
      return super.createComment(taskId, processInstance, message);
    }

    @Override
    public void updateTaskComment(String taskId, String commentId, String message) {
      guard.checkWorksOn(taskId);
      super.updateTaskComment(taskId, commentId, message);
    }

    @Override
    public void deleteTaskComment(String taskId, String commentId) {
      guard.checkWorksOn(taskId);
      super.deleteTaskComment(taskId, commentId);
    }

    @Override
    public void deleteTaskComments(String taskId) {
      guard.checkWorksOn(taskId);
      super.deleteTaskComments(taskId);
    }
  }

  static final class Forms extends FormServiceImpl {
    private final ProcedureGuard guard;

    Forms(ProcedureGuard guard) {
      this.guard = guard;
    }

    @Override
    public ProcessInstance submitStartForm(
        String processDefinitionId, String businessKey, Map<String, Object> properties) {
      guard.checkStartVariables(processDefinitionId, null, properties);
      return super.submitStartForm(processDefinitionId, businessKey, properties);
    }

    @Override
    public ProcessInstance submitStartForm(
        String processDefinitionId, Map<String, Object> properties) {
      guard.checkStartVariables(processDefinitionId, null, properties);
      return super.submitStartForm(processDefinitionId, properties);
    }

    @Override
    public ProcessInstance submitStartFormData(
        String processDefinitionId, String businessKey, Map<String, String> properties) {
      guard.checkStartVariables(processDefinitionId, null, properties);
      return super.submitStartFormData(processDefinitionId, businessKey, properties);
    }

    @Override
    public ProcessInstance submitStartFormData(
        String processDefinitionId, Map<String, String> properties) {
      guard.checkStartVariables(processDefinitionId, null, properties);
      return super.submitStartFormData(processDefinitionId, properties);
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(
        String taskId, Map<String, Object> properties, boolean deserializeValues) {
      guard.checkCompletion(taskId, properties);
      if (guard.isSecret(taskId)) {
        return completeSecretly(taskId, properties, true, deserializeValues);
      }
      return super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues);
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
      guard.checkCompletion(taskId, properties);
      if (guard.isSecret(taskId)) {
        completeSecretly(taskId, properties, false, false);
      } else {
        super.submitTaskForm(taskId, properties);
      }
    }

    @Override
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
      guard.checkCompletion(taskId, properties);
      if (guard.isSecret(taskId)) {
        completeSecretly(
            taskId, properties == null ? null : new HashMap<>(properties), false, false);
      } else {
        super.submitTaskFormData(taskId, properties);
      }
    }

    /**
     * A secret task's form is completed as a task with transient values: submitting a form would
     * also write each value to the history as a form property, tied to the task and its user.
     */
    private VariableMap completeSecretly(
        String taskId,
        Map<String, Object> properties,
        boolean returnVariables,
        boolean deserialize) {
      return commandExecutor.execute(
          new CompleteTaskCmd(
              taskId, guard.completionVariables(taskId, properties), returnVariables, deserialize));
    }
  }

  static final class Runtime extends RuntimeServiceImpl {
    private final ProcedureGuard guard;

    Runtime(ProcedureGuard guard) {
      this.guard = guard;
    }

    @Override
    public ProcessInstantiationBuilder createProcessInstanceById(String processDefinitionId) {
      return new GuardedStart(commandExecutor, guard).byId(processDefinitionId);
    }

    @Override
    public ProcessInstantiationBuilder createProcessInstanceByKey(String processDefinitionKey) {
      return new GuardedStart(commandExecutor, guard).byKey(processDefinitionKey);
    }

    @Override
    public RestartProcessInstanceBuilder restartProcessInstances(String processDefinitionId) {
      guard.adminOnly("restart process instances");
      return super.restartProcessInstances(processDefinitionId);
    }

    // Messages, signals and conditions move a waiting case on. People and partner systems send
    // them through the event inbox (stored, deduplicated, checked against the sender's rights);
    // directly, only administrators may.

    @Override
    public MessageCorrelationBuilder createMessageCorrelation(String messageName) {
      guard.adminOnly("correlate a message directly (send a CloudEvent to /api/events)");
      return super.createMessageCorrelation(messageName);
    }

    @Override
    public void messageEventReceived(String messageName, String executionId) {
      guard.adminOnly("deliver a message directly (send a CloudEvent to /api/events)");
      super.messageEventReceived(messageName, executionId);
    }

    @Override
    public void messageEventReceived(
        String messageName, String executionId, Map<String, Object> processVariables) {
      guard.adminOnly("deliver a message directly (send a CloudEvent to /api/events)");
      super.messageEventReceived(messageName, executionId, processVariables);
    }

    @Override
    public SignalEventReceivedBuilder createSignalEvent(String signalName) {
      guard.adminOnly("send a signal");
      return super.createSignalEvent(signalName);
    }

    @Override
    public ConditionEvaluationBuilder createConditionEvaluation() {
      guard.adminOnly("evaluate start conditions");
      return super.createConditionEvaluation();
    }

    @Override
    public void signal(String executionId) {
      guard.adminOnly("trigger a waiting step");
      super.signal(executionId);
    }

    @Override
    public void signal(String executionId, Map<String, Object> processVariables) {
      guard.adminOnly("trigger a waiting step");
      super.signal(executionId, processVariables);
    }

    @Override
    public void signal(
        String executionId,
        String signalName,
        Object signalData,
        Map<String, Object> processVariables) {
      guard.adminOnly("trigger a waiting step");
      super.signal(executionId, signalName, signalData, processVariables);
    }
  }

  /** Muutos has no external workers: fetching and locking external tasks is for administrators. */
  static final class ExternalTasks extends ExternalTaskServiceImpl {
    private final ProcedureGuard guard;

    ExternalTasks(ProcedureGuard guard) {
      this.guard = guard;
    }

    @Override
    public FetchAndLockBuilder fetchAndLock() {
      guard.adminOnly("fetch and lock external tasks");
      return super.fetchAndLock();
    }

    @Override
    public ExternalTaskQueryBuilder fetchAndLock(
        int maxTasks, String workerId, boolean usePriority) {
      guard.adminOnly("fetch and lock external tasks");
      return super.fetchAndLock(maxTasks, workerId, usePriority);
    }

    @Override
    public void lock(String externalTaskId, String workerId, long lockDuration) {
      guard.adminOnly("lock external tasks");
      super.lock(externalTaskId, workerId, lockDuration);
    }
  }

  /** Every way of starting an instance ends in this builder's one execute method. */
  static final class GuardedStart extends ProcessInstantiationBuilderImpl {
    private final ProcedureGuard guard;

    GuardedStart(CommandExecutor commandExecutor, ProcedureGuard guard) {
      super(commandExecutor);
      this.guard = guard;
    }

    GuardedStart byId(String id) {
      processDefinitionId = id;
      return this;
    }

    GuardedStart byKey(String key) {
      processDefinitionKey = key;
      return this;
    }

    @Override
    public ProcessInstanceWithVariables executeWithVariablesInReturn(
        boolean skipCustomListeners, boolean skipIoMappings) {
      guard.checkStart(this);
      return super.executeWithVariablesInReturn(skipCustomListeners, skipIoMappings);
    }
  }

  static final class Management extends ManagementServiceImpl {
    private final ProcedureGuard guard;

    Management(ProcessEngineConfigurationImpl configuration, ProcedureGuard guard) {
      super(configuration);
      this.guard = guard;
    }

    @Override
    public void executeJob(String jobId) {
      guard.checkJobExecution(jobId);
      super.executeJob(jobId);
    }
  }
}
