package fi.muutos.integrity;

import fi.muutos.identity.GroupLeads;
import fi.muutos.identity.GroupRoles;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.CaseService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.aop.framework.ProxyFactory;

/**
 * Deny by default: every service the engine hands out (to the engine REST API, the webapps' own
 * API, Spring beans, delegates) is a proxy of the engine's own service object that lets a call
 * through only as {@link EngineOperations} grants it to the caller, on its condition ({@link
 * ProcedureGuard}). Muutos' own code (no engine authentication) is trusted, and so is what runs
 * inside a call that was let through (a listener or delegate the call set off works on the case the
 * caller was allowed to move). Independent of the caller: a secret task's answers are made
 * transient ({@link SecretAnswers}), a task is given only to its group's members, and the changes
 * the engine does not log get an operation-log row ({@link OperationLog}).
 *
 * <p>Engine internals (docs/engine-extensions.md): every service the engine hands out (engine REST,
 * webapps, Spring beans, delegates) is the one set on the configuration before the engine is built,
 * so a proxy set there sees every call. {@code
 * EngineGateTest#theServicesAreTheGatesProxiesOfTheEnginesOwnClasses} fails when an upgrade changes
 * that.
 */
final class EngineGate {

  /** How deep the current thread is inside calls that were let through. */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  /** Every call that gives a task to someone: checked for administrators too. */
  private static final Set<String> ASSIGNING = Set.of("claim", "setAssignee", "delegateTask");

  /** The task completions whose variables a secret task turns transient. */
  private static final Set<String> COMPLETING =
      Set.of(
          "complete",
          "completeWithVariablesInReturn",
          "resolveTask",
          "handleBpmnError",
          "handleEscalation");

  private final ProcessEngineConfigurationImpl configuration;
  private final GroupRoles roles;
  private final GroupLeads leads;
  private final AttachmentAuthors authors;
  private IdentityService identity;
  private TaskService tasks;
  private ProcedureGuard guard;
  private SecretAnswers secrets;

  EngineGate(
      ProcessEngineConfigurationImpl configuration,
      GroupRoles roles,
      GroupLeads leads,
      AttachmentAuthors authors) {
    this.configuration = configuration;
    this.roles = roles;
    this.leads = leads;
    this.authors = authors;
  }

  /** Puts the proxies in the engine's place; after its services exist, before the engine does. */
  void install() {
    identity = configuration.getIdentityService();
    tasks = configuration.getTaskService();
    guard = new ProcedureGuard(configuration, identity, roles, leads, authors);
    secrets = new SecretAnswers(configuration);
    configuration.setTaskService(wrap(TaskService.class, configuration.getTaskService()));
    configuration.setFormService(wrap(FormService.class, configuration.getFormService()));
    configuration.setRuntimeService(wrap(RuntimeService.class, configuration.getRuntimeService()));
    configuration.setManagementService(
        wrap(ManagementService.class, configuration.getManagementService()));
    configuration.setExternalTaskService(
        wrap(ExternalTaskService.class, configuration.getExternalTaskService()));
    configuration.setRepositoryService(
        wrap(RepositoryService.class, configuration.getRepositoryService()));
    configuration.setHistoryService(wrap(HistoryService.class, configuration.getHistoryService()));
    configuration.setIdentityService(wrap(IdentityService.class, identity));
    configuration.setAuthorizationService(
        wrap(AuthorizationService.class, configuration.getAuthorizationService()));
    configuration.setFilterService(wrap(FilterService.class, configuration.getFilterService()));
    configuration.setCaseService(wrap(CaseService.class, configuration.getCaseService()));
    configuration.setDecisionService(
        wrap(DecisionService.class, configuration.getDecisionService()));
  }

  private <T> T wrap(Class<T> service, T target) {
    ProxyFactory factory = new ProxyFactory(target);
    // a subclass of the engine's own class: the REST API casts some services to it
    factory.setProxyTargetClass(true);
    factory.setOpaque(true);
    factory.addAdvice((MethodInterceptor) invocation -> invoke(service, invocation));
    factory.setFrozen(true);
    return service.cast(factory.getProxy(target.getClass().getClassLoader()));
  }

  private Object invoke(Class<?> service, MethodInvocation invocation) throws Throwable {
    Method method = invocation.getMethod();
    if (method.getDeclaringClass() == Object.class || DEPTH.get()[0] > 0) {
      return invocation.proceed();
    }
    String name = method.getName();
    Object[] args = invocation.getArguments();
    Caller caller = caller();
    admit(service, name, args, caller);
    Object result = inside(() -> perform(service, name, args, caller, invocation));
    if (result instanceof ProcessInstantiationBuilder builder) {
      return GuardedStartBuilder.wrap(builder, this, (String) args[0], name.endsWith("ById"));
    }
    return result;
  }

  /** Refuses what the table does not grant the caller, or whose condition does not hold. */
  private void admit(Class<?> service, String name, Object[] args, Caller caller) {
    Grant grant = EngineOperations.grant(service, name);
    if (Caller.isRestricted(caller)) {
      if (grant == null || !grant.grants(caller.kinds())) {
        throw refused(service.getSimpleName() + "." + name, grant);
      }
      guard.check(grant, name, args, caller);
    }
    if (caller != null && service == TaskService.class && ASSIGNING.contains(name)) {
      guard.checkAssignee((String) args[0], args.length > 1 ? (String) args[1] : null);
    }
    // a survey's ballot is its respondent's alone, whoever calls (administrators included)
    if (caller != null && isTaskCall(service, name)) {
      secrets.checkSecretOwner(
          (String) args[0],
          name,
          caller,
          COMPLETING.contains(name)
              || service == FormService.class && name.startsWith("submitTaskForm"));
    }
  }

  /** The calls that act on one task as their first argument and could act for its respondent. */
  private static boolean isTaskCall(Class<?> service, String name) {
    return service == TaskService.class
            && (COMPLETING.contains(name)
                || ASSIGNING.contains(name)
                || name.equals("setOwner")
                || name.equals("resolveTask"))
        || service == FormService.class && name.startsWith("submitTaskForm");
  }

  /** The call itself, with what holds whoever calls: secret answers and the operation log. */
  private Object perform(
      Class<?> service, String name, Object[] args, Caller caller, MethodInvocation invocation) {
    if (service == FormService.class && name.startsWith("submitTaskForm")) {
      String taskId = (String) args[0];
      if (secrets.isSecret(taskId)) {
        return completeSecretly(taskId, CallArguments.variables(args), name, args);
      }
    }
    if (service == TaskService.class && COMPLETING.contains(name)) {
      secretVariables(args);
    }
    if (caller == null || service != TaskService.class) {
      return proceed(invocation);
    }
    return switch (name) {
      case "handleBpmnError", "handleEscalation" ->
          inCommand(
              context -> {
                TaskEntity task = context.getTaskManager().findTaskById((String) args[0]);
                Object result = proceed(invocation);
                if (task != null) {
                  OperationLog.taskEnded(
                      context,
                      task,
                      name.equals("handleBpmnError")
                          ? OperationLog.HANDLE_BPMN_ERROR
                          : OperationLog.HANDLE_ESCALATION,
                      (String) args[1],
                      CallArguments.variables(args));
                }
                return result;
              });
      case "createComment", "addComment" ->
          inCommand(
              context -> {
                Object result = proceed(invocation);
                OperationLog.comment(
                    context,
                    (String) args[0],
                    (String) args[1],
                    result instanceof Comment comment ? comment.getId() : null);
                return result;
              });
      case "createAttachment" ->
          inCommand(
              context -> {
                Object result = proceed(invocation);
                if (result instanceof Attachment attachment) {
                  authors.record(attachment.getId(), caller.userId());
                }
                return result;
              });
      case "saveAttachment" ->
          inCommand(
              context -> {
                Object result = proceed(invocation);
                Attachment attachment = (Attachment) args[0];
                OperationLog.attachmentUpdated(
                    context, attachment.getTaskId(), attachment.getName());
                return result;
              });
      default -> proceed(invocation);
    };
  }

  /**
   * A secret task's form is completed as a task with transient values: submitting a form would also
   * write each value to the history as a form property, tied to the task and its user.
   */
  private Object completeSecretly(
      String taskId, Map<String, ?> properties, String name, Object[] args) {
    VariableMap values =
        SecretAnswers.transientCopy(properties == null ? Map.of() : new HashMap<>(properties));
    if (name.equals("submitTaskFormWithVariablesInReturn")) {
      return tasks.completeWithVariablesInReturn(taskId, values, (Boolean) args[2]);
    }
    tasks.complete(taskId, values);
    return null;
  }

  /** Replaces a completion's variables by transient copies when the task is secret. */
  private void secretVariables(Object[] args) {
    int index = CallArguments.variablesIndex(args);
    Map<String, ?> variables = CallArguments.variables(args);
    if (index >= 0 && !variables.isEmpty() && secrets.isSecret((String) args[0])) {
      args[index] = SecretAnswers.transientCopy(variables);
    }
  }

  /** The caller on this thread: null for Muutos' own code. */
  Caller caller() {
    return Caller.of(identity, configuration, roles);
  }

  ProcedureGuard guard() {
    return guard;
  }

  /** Runs a call that was let through: what it sets off inside is trusted. */
  static <T> T inside(Supplier<T> call) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      return call.get();
    } finally {
      depth[0]--;
    }
  }

  static AuthorizationException refused(String operation, Grant grant) {
    return new AuthorizationException(
        (grant == null
                ? "Muutos ei salli toimintoa " + operation + " (not in the table of"
                : "Vain pääkäyttäjä voi tehdä toiminnon " + operation + " (see the table of")
            + " engine operations, docs/security.md).");
  }

  private <T> T inCommand(Function<CommandContext, T> work) {
    return configuration.getCommandExecutorTxRequired().execute(work::apply);
  }

  private static Object proceed(MethodInvocation invocation) {
    try {
      return invocation.proceed();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new UndeclaredThrowableException(e);
    }
  }
}
