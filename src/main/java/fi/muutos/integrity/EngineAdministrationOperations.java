package fi.muutos.integrity;

import static fi.muutos.integrity.Grant.ADMIN;
import static fi.muutos.integrity.Grant.OWN_PROFILE;
import static fi.muutos.integrity.Grant.READ;
import static fi.muutos.integrity.Grant.SESSION;
import static fi.muutos.integrity.OperationNames.VARIABLE_READS;
import static fi.muutos.integrity.OperationNames.VARIABLE_WRITES;
import static fi.muutos.integrity.OperationNames.WIRING;
import static fi.muutos.integrity.OperationNames.put;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.CaseService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;

/**
 * The part of {@link EngineOperations}' table for the services that move no case: what is deployed,
 * what happened, who is who and may do what, the Tasklist filters, CMMN and DMN. Most of it is
 * reading; changing any of it is for administrators.
 */
final class EngineAdministrationOperations {

  private EngineAdministrationOperations() {}

  static Map<Class<?>, Map<String, Grant>> table() {
    Map<Class<?>, Map<String, Grant>> table = new LinkedHashMap<>();
    table.put(RepositoryService.class, repository());
    table.put(HistoryService.class, history());
    table.put(IdentityService.class, identity());
    table.put(AuthorizationService.class, authorization());
    table.put(FilterService.class, filter());
    table.put(CaseService.class, caseService());
    table.put(DecisionService.class, decision());
    return table;
  }

  // CPD-OFF: the table is lists of method names, which the copy-paste check (literals ignored)
  // cannot tell apart

  private static Map<String, Grant> repository() {
    Map<String, Grant> m = new TreeMap<>();
    put(
        m,
        READ,
        "createCaseDefinitionQuery",
        "createDecisionDefinitionQuery",
        "createDecisionRequirementsDefinitionQuery",
        "createDeploymentQuery",
        "createProcessDefinitionQuery",
        "getBpmnModelInstance",
        "getCaseDefinition",
        "getCaseDiagram",
        "getCaseModel",
        "getCmmnModelInstance",
        "getDecisionDefinition",
        "getDecisionDiagram",
        "getDecisionModel",
        "getDecisionRequirementsDefinition",
        "getDecisionRequirementsDiagram",
        "getDecisionRequirementsModel",
        "getDeployedProcessDefinition",
        "getDeploymentCharset",
        "getDeploymentResourceNames",
        "getDeploymentResources",
        "getDmnModelInstance",
        "getIdentityLinksForProcessDefinition",
        "getProcessDefinition",
        "getProcessDiagram",
        "getProcessDiagramLayout",
        "getProcessModel",
        "getResourceAsStream",
        "getResourceAsStreamById",
        "getStaticCalledProcessDefinitions");
    put(
        m,
        ADMIN,
        "createDeployment",
        "deployWithResult",
        "deleteDeployment",
        "deleteDeploymentCascade",
        "deleteProcessDefinition",
        "deleteProcessDefinitions",
        "activateProcessDefinitionById",
        "activateProcessDefinitionByKey",
        "suspendProcessDefinitionById",
        "suspendProcessDefinitionByKey",
        "updateProcessDefinitionSuspensionState",
        "addCandidateStarterGroup",
        "addCandidateStarterUser",
        "deleteCandidateStarterGroup",
        "deleteCandidateStarterUser",
        "updateCaseDefinitionHistoryTimeToLive",
        "updateDecisionDefinitionHistoryTimeToLive",
        "updateProcessDefinitionHistoryTimeToLive",
        "setDeploymentCharset");
    put(m, ADMIN, WIRING);
    return m;
  }

  private static Map<String, Grant> history() {
    Map<String, Grant> m = new TreeMap<>();
    put(
        m,
        READ,
        "createCleanableHistoricBatchReport",
        "createCleanableHistoricCaseInstanceReport",
        "createCleanableHistoricDecisionInstanceReport",
        "createCleanableHistoricProcessInstanceReport",
        "createHistoricActivityInstanceQuery",
        "createHistoricActivityStatisticsQuery",
        "createHistoricBatchQuery",
        "createHistoricCaseActivityInstanceQuery",
        "createHistoricCaseActivityStatisticsQuery",
        "createHistoricCaseInstanceQuery",
        "createHistoricDecisionInstanceQuery",
        "createHistoricDecisionInstanceStatisticsQuery",
        "createHistoricDetailQuery",
        "createHistoricExternalTaskLogQuery",
        "createHistoricIdentityLinkLogQuery",
        "createHistoricIncidentQuery",
        "createHistoricJobLogQuery",
        "createHistoricProcessInstanceQuery",
        "createHistoricProcessInstanceReport",
        "createHistoricTaskInstanceQuery",
        "createHistoricTaskInstanceReport",
        "createHistoricVariableInstanceQuery",
        "createUserOperationLogQuery",
        "findHistoryCleanupJob",
        "findHistoryCleanupJobs",
        "getHistoricExternalTaskLogErrorDetails",
        "getHistoricJobLogExceptionStacktrace");
    put(
        m,
        ADMIN,
        // the record of what happened is never changed by a person
        "deleteHistoricBatch",
        "deleteHistoricCaseInstance",
        "deleteHistoricCaseInstancesBulk",
        "deleteHistoricDecisionInstance",
        "deleteHistoricDecisionInstanceByDefinitionId",
        "deleteHistoricDecisionInstanceByInstanceId",
        "deleteHistoricDecisionInstancesAsync",
        "deleteHistoricDecisionInstancesBulk",
        "deleteHistoricProcessInstance",
        "deleteHistoricProcessInstanceIfExists",
        "deleteHistoricProcessInstances",
        "deleteHistoricProcessInstancesAsync",
        "deleteHistoricProcessInstancesBulk",
        "deleteHistoricProcessInstancesIfExists",
        "deleteHistoricTaskInstance",
        "deleteHistoricVariableInstance",
        "deleteHistoricVariableInstancesByProcessInstanceId",
        "deleteUserOperationLogEntry",
        "setAnnotationForOperationLogById",
        "clearAnnotationForOperationLogById",
        "setRemovalTimeToHistoricBatches",
        "setRemovalTimeToHistoricDecisionInstances",
        "setRemovalTimeToHistoricProcessInstances",
        "cleanUpHistoryAsync",
        "createNativeHistoricActivityInstanceQuery",
        "createNativeHistoricCaseActivityInstanceQuery",
        "createNativeHistoricCaseInstanceQuery",
        "createNativeHistoricDecisionInstanceQuery",
        "createNativeHistoricProcessInstanceQuery",
        "createNativeHistoricTaskInstanceQuery",
        "createNativeHistoricVariableInstanceQuery");
    put(m, ADMIN, WIRING);
    return m;
  }

  private static Map<String, Grant> identity() {
    Map<String, Grant> m = new TreeMap<>();
    put(
        m,
        SESSION,
        "checkPasswordAgainstPolicy",
        "getPasswordPolicy",
        "isReadOnly",
        "getCurrentAuthentication",
        "setAuthentication",
        "setAuthenticatedUserId",
        "clearAuthentication");
    put(
        m,
        READ,
        "createGroupQuery",
        "createTenantQuery",
        "createUserQuery",
        "getUserInfo",
        "getUserInfoKeys",
        "getUserPicture",
        "getUserAccount",
        "getUserAccountNames");
    put(
        m,
        OWN_PROFILE,
        // another account's password is not a person's to try (POST /identity/verify)
        "checkPassword",
        "saveUser",
        "setUserInfo",
        "deleteUserInfo",
        "setUserPicture",
        "deleteUserPicture",
        "setUserAccount",
        "deleteUserAccount");
    put(
        m,
        ADMIN,
        "newUser",
        "deleteUser",
        "unlockUser",
        "newGroup",
        "saveGroup",
        "deleteGroup",
        "createMembership",
        "deleteMembership",
        "newTenant",
        "saveTenant",
        "deleteTenant",
        "createTenantUserMembership",
        "deleteTenantUserMembership",
        "createTenantGroupMembership",
        "deleteTenantGroupMembership",
        "createNativeUserQuery");
    put(m, ADMIN, WIRING);
    return m;
  }

  private static Map<String, Grant> authorization() {
    Map<String, Grant> m = new TreeMap<>();
    put(m, READ, "createAuthorizationQuery", "isUserAuthorized");
    put(m, ADMIN, "createNewAuthorization", "saveAuthorization", "deleteAuthorization");
    put(m, ADMIN, WIRING);
    return m;
  }

  private static Map<String, Grant> filter() {
    Map<String, Grant> m = new TreeMap<>();
    put(
        m,
        READ,
        "createFilterQuery",
        "createTaskFilterQuery",
        "getFilter",
        "count",
        "list",
        "listPage",
        "singleResult");
    put(m, ADMIN, "newTaskFilter", "saveFilter", "deleteFilter");
    put(m, ADMIN, WIRING);
    return m;
  }

  /** Muutos has no CMMN cases. */
  private static Map<String, Grant> caseService() {
    Map<String, Grant> m = new TreeMap<>();
    put(m, READ, "createCaseExecutionQuery", "createCaseInstanceQuery");
    put(m, READ, VARIABLE_READS);
    put(
        m,
        ADMIN,
        "createCaseInstanceById",
        "createCaseInstanceByKey",
        "withCaseDefinition",
        "withCaseDefinitionByKey",
        "withCaseExecution",
        "manuallyStartCaseExecution",
        "completeCaseExecution",
        "closeCaseInstance",
        "disableCaseExecution",
        "reenableCaseExecution",
        "terminateCaseExecution");
    put(m, ADMIN, VARIABLE_WRITES);
    put(m, ADMIN, WIRING);
    return m;
  }

  /** Decisions are evaluated by the processes that use them. */
  private static Map<String, Grant> decision() {
    Map<String, Grant> m = new TreeMap<>();
    put(
        m,
        ADMIN,
        "evaluateDecisionById",
        "evaluateDecisionByKey",
        "evaluateDecisionTableById",
        "evaluateDecisionTableByKey",
        "evaluateDecisionTableByKeyAndVersion");
    put(m, ADMIN, WIRING);
    return m;
  }

  // CPD-ON
}
