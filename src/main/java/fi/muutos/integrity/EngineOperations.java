package fi.muutos.integrity;

import static fi.muutos.integrity.Grant.ADMIN;
import static fi.muutos.integrity.Grant.ATTACH;
import static fi.muutos.integrity.Grant.CLAIM;
import static fi.muutos.integrity.Grant.COMMENT;
import static fi.muutos.integrity.Grant.COMPLETE;
import static fi.muutos.integrity.Grant.DIAGNOSTICS;
import static fi.muutos.integrity.Grant.OWN_ATTACHMENT;
import static fi.muutos.integrity.Grant.OWN_COMMENT;
import static fi.muutos.integrity.Grant.READ;
import static fi.muutos.integrity.Grant.START;
import static fi.muutos.integrity.OperationNames.VARIABLE_READS;
import static fi.muutos.integrity.OperationNames.VARIABLE_WRITES;
import static fi.muutos.integrity.OperationNames.WIRING;
import static fi.muutos.integrity.OperationNames.put;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * The one table of what a person or a partner system may do through the engine's services: every
 * public method of every service the engine hands out (the services' own classes included, whose
 * extra public methods the REST API calls), and of the start builder, by name, with its {@link
 * Grant}. A method that is not here is refused to everyone but administrators: a new engine method
 * is closed until it is classified ({@code EngineOperationsTest} fails on an engine upgrade that
 * adds one). Overloads share their name's grant; where they differ, the condition reads the
 * arguments. docs/security.md shows this table. The services that move cases are here, those that
 * read or administer the rest in {@link EngineAdministrationOperations}.
 */
final class EngineOperations {

  private EngineOperations() {}

  /** The grant of a method of a service (or the start builder); null when it is not classified. */
  static Grant grant(Class<?> service, String method) {
    Map<String, Grant> operations = TABLE.get(service);
    return operations == null ? null : operations.get(method);
  }

  /** The whole table, by service, each service's methods sorted by name. */
  static Map<Class<?>, Map<String, Grant>> table() {
    return TABLE;
  }

  private static Map<Class<?>, Map<String, Grant>> build() {
    Map<Class<?>, Map<String, Grant>> table = new LinkedHashMap<>();
    table.put(TaskService.class, task());
    table.put(FormService.class, form());
    table.put(RuntimeService.class, runtime());
    table.put(ProcessInstantiationBuilder.class, startBuilder());
    table.put(ManagementService.class, management());
    table.put(ExternalTaskService.class, externalTask());
    table.putAll(EngineAdministrationOperations.table());
    table.replaceAll((service, operations) -> Collections.unmodifiableMap(operations));
    return Collections.unmodifiableMap(table);
  }

  // CPD-OFF: the table is lists of method names, which the copy-paste check (literals ignored)
  // cannot tell apart

  private static final Map<Class<?>, Map<String, Grant>> TABLE = build();

  private static Map<String, Grant> task() {
    Map<String, Grant> m = new TreeMap<>();
    put(
        m,
        READ,
        "createTaskQuery",
        "createTaskReport",
        "getAttachment",
        "getAttachmentContent",
        "getIdentityLinksForTask",
        "getProcessInstanceAttachments",
        "getProcessInstanceComments",
        "getSubTasks",
        "getTaskAttachment",
        "getTaskAttachmentContent",
        "getTaskAttachments",
        "getTaskComment",
        "getTaskComments",
        "getTaskEvents");
    put(m, READ, VARIABLE_READS);
    put(m, COMPLETE, "complete", "completeWithVariablesInReturn", "resolveTask");
    put(m, CLAIM, "claim");
    put(m, COMMENT, "createComment", "addComment");
    put(m, OWN_COMMENT, "updateTaskComment", "deleteTaskComment");
    put(m, ATTACH, "createAttachment");
    put(m, OWN_ATTACHMENT, "saveAttachment", "deleteAttachment", "deleteTaskAttachment");
    put(
        m,
        ADMIN,
        // ending a step without completing it: no Muutos model catches an error or an escalation
        "handleBpmnError",
        "handleEscalation",
        // the task itself, its people and its dates
        "newTask",
        "saveTask",
        "deleteTask",
        "deleteTasks",
        "setAssignee",
        "setOwner",
        "delegateTask",
        "setName",
        "setDescription",
        "setDueDate",
        "setFollowUpDate",
        "setPriority",
        "addCandidateGroup",
        "addCandidateUser",
        "addGroupIdentityLink",
        "addUserIdentityLink",
        "deleteCandidateGroup",
        "deleteCandidateUser",
        "deleteGroupIdentityLink",
        "deleteUserIdentityLink",
        // other people's comments, and the instance's
        "deleteTaskComments",
        "updateProcessInstanceComment",
        "deleteProcessInstanceComment",
        "deleteProcessInstanceComments",
        "updateVariables",
        "updateVariablesLocal",
        "createNativeTaskQuery");
    put(m, ADMIN, VARIABLE_WRITES);
    put(m, ADMIN, WIRING);
    return m;
  }

  private static Map<String, Grant> form() {
    Map<String, Grant> m = new TreeMap<>();
    put(
        m,
        READ,
        "getDeployedStartForm",
        "getDeployedTaskForm",
        "getRenderedStartForm",
        "getRenderedTaskForm",
        "getStartFormData",
        "getStartFormKey",
        "getStartFormVariables",
        "getTaskFormData",
        "getTaskFormKey",
        "getTaskFormVariables");
    put(m, START, "submitStartForm", "submitStartFormData");
    put(m, COMPLETE, "submitTaskForm", "submitTaskFormData", "submitTaskFormWithVariablesInReturn");
    put(m, ADMIN, WIRING);
    return m;
  }

  private static Map<String, Grant> runtime() {
    Map<String, Grant> m = new TreeMap<>();
    put(
        m,
        READ,
        "createEventSubscriptionQuery",
        "createExecutionQuery",
        "createIncidentQuery",
        "createProcessInstanceQuery",
        "createVariableInstanceQuery",
        "getActiveActivityIds",
        "getActivityInstance",
        "getFormInstanceById");
    put(m, READ, VARIABLE_READS);
    put(
        m,
        START,
        "createProcessInstanceById",
        "createProcessInstanceByKey",
        "startProcessInstanceById",
        "startProcessInstanceByKey");
    put(
        m,
        ADMIN,
        // starting elsewhere than at the start event, or by a message only Muutos sends
        "startProcessInstanceByMessage",
        "startProcessInstanceByMessageAndProcessDefinitionId",
        "restartProcessInstances",
        // messages, signals and conditions come through the event inbox
        "correlateMessage",
        "createMessageCorrelation",
        "createMessageCorrelationAsync",
        "messageEventReceived",
        "createSignalEvent",
        "signalEventReceived",
        "signal",
        "createConditionEvaluation",
        // moving, suspending and deleting instances
        "createProcessInstanceModification",
        "createModification",
        "createMigrationPlan",
        "newMigration",
        "activateProcessInstanceById",
        "activateProcessInstanceByProcessDefinitionId",
        "activateProcessInstanceByProcessDefinitionKey",
        "suspendProcessInstanceById",
        "suspendProcessInstanceByProcessDefinitionId",
        "suspendProcessInstanceByProcessDefinitionKey",
        "updateProcessInstanceSuspensionState",
        "deleteProcessInstance",
        "deleteProcessInstanceIfExists",
        "deleteProcessInstances",
        "deleteProcessInstancesAsync",
        "deleteProcessInstancesIfExists",
        // incidents
        "createIncident",
        "resolveIncident",
        "setAnnotationForIncidentById",
        "clearAnnotationForIncidentById",
        "setVariablesAsync",
        "updateVariables",
        "updateVariablesLocal",
        "createNativeExecutionQuery",
        "createNativeProcessInstanceQuery");
    put(m, ADMIN, VARIABLE_WRITES);
    put(m, ADMIN, WIRING);
    return m;
  }

  /**
   * The builder that {@code createProcessInstanceById/ByKey} return: a start with a business key
   * and start-form variables; the rest is a start elsewhere than at the start event.
   */
  private static Map<String, Grant> startBuilder() {
    Map<String, Grant> m = new TreeMap<>();
    put(
        m,
        START,
        "businessKey",
        "caseInstanceId", // the REST API always sets it; only null for a person
        "processDefinitionTenantId",
        "processDefinitionWithoutTenantId",
        "setVariable",
        "setVariables",
        "execute", // with skipped listeners or mappings: administrators only
        "executeWithVariablesInReturn");
    put(
        m,
        ADMIN,
        "setVariableLocal",
        "setVariablesLocal",
        "startAfterActivity",
        "startBeforeActivity",
        "startTransition");
    return m;
  }

  private static Map<String, Grant> management() {
    Map<String, Grant> m = new TreeMap<>();
    put(
        m,
        READ,
        "createActivityStatisticsQuery",
        "createBatchQuery",
        "createBatchStatisticsQuery",
        "createDeploymentStatisticsQuery",
        "createJobDefinitionQuery",
        "createJobQuery",
        "createMetricsQuery",
        "createProcessDefinitionStatisticsQuery",
        "getHistoryLevel",
        "getJobExceptionStacktrace",
        "getLicenseKey",
        "getLicenseKeyFromDiagnostics",
        "getTelemetryData",
        "getUniqueTaskWorkerCount",
        "isTelemetryEnabled");
    put(
        m,
        DIAGNOSTICS,
        "addWebappToTelemetry",
        "addApplicationServerInfoToTelemetry",
        "setLicenseKeyForDiagnostics");
    put(
        m,
        ADMIN,
        // a job is a timer or an asynchronous step: running it early shortens a period
        "executeJob",
        "deleteJob",
        "setJobDuedate",
        "recalculateJobDuedate",
        "setJobPriority",
        "setJobRetries",
        "setJobRetriesAsync",
        "setJobRetriesByJobDefinitionId",
        "setJobRetriesByJobsAsync",
        "setJobRetriesByProcessAsync",
        "activateJobById",
        "activateJobByJobDefinitionId",
        "activateJobByProcessDefinitionId",
        "activateJobByProcessDefinitionKey",
        "activateJobByProcessInstanceId",
        "suspendJobById",
        "suspendJobByJobDefinitionId",
        "suspendJobByProcessDefinitionId",
        "suspendJobByProcessDefinitionKey",
        "suspendJobByProcessInstanceId",
        "updateJobSuspensionState",
        "activateJobDefinitionById",
        "activateJobDefinitionByProcessDefinitionId",
        "activateJobDefinitionByProcessDefinitionKey",
        "suspendJobDefinitionById",
        "suspendJobDefinitionByProcessDefinitionId",
        "suspendJobDefinitionByProcessDefinitionKey",
        "updateJobDefinitionSuspensionState",
        "setOverridingJobPriorityForJobDefinition",
        "clearOverridingJobPriorityForJobDefinition",
        "activateBatchById",
        "suspendBatchById",
        "deleteBatch",
        // the engine itself
        "registerDeploymentForJobExecutor",
        "unregisterDeploymentForJobExecutor",
        "registerProcessApplication",
        "unregisterProcessApplication",
        "getProcessApplicationForDeployment",
        "getRegisteredDeployments",
        "getProperties",
        "setProperty",
        "deleteProperty",
        "getTableCount",
        "getTableMetaData",
        "getTableName",
        "createTablePageQuery",
        "createSchemaLogQuery",
        "databaseSchemaUpgrade",
        "purge",
        "deleteMetrics",
        "deleteTaskMetrics",
        "reportDbMetricsNow",
        "setLicenseKey",
        "deleteLicenseKey",
        "toggleTelemetry",
        "clearDiagnosticsData");
    put(m, ADMIN, WIRING);
    return m;
  }

  /** Muutos has no external workers. */
  private static Map<String, Grant> externalTask() {
    Map<String, Grant> m = new TreeMap<>();
    put(m, READ, "createExternalTaskQuery", "getExternalTaskErrorDetails", "getTopicNames");
    put(
        m,
        ADMIN,
        "fetchAndLock",
        "lock",
        "extendLock",
        "unlock",
        "complete",
        "handleBpmnError",
        "handleFailure",
        "setPriority",
        "setRetries",
        "setRetriesAsync",
        "updateRetries");
    put(m, ADMIN, WIRING);
    return m;
  }

  // CPD-ON

}
