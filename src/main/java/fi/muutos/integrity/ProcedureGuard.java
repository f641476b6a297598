package fi.muutos.integrity;

import fi.muutos.identity.GroupLeads;
import fi.muutos.identity.GroupRoles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The conditions of the table's grants ({@link Grant}), checked before the engine's own command
 * runs. Each check is a read-only command of its own: a refusal changes nothing. A refusal of a
 * right is the engine's {@link AuthorizationException} (403 on every REST path); a value that is
 * not the form's is the engine's {@link FormFieldValidationException} (400, whose Finnish text
 * Tasklist shows).
 *
 * <p>Engine internals (docs/engine-extensions.md): a condition read in its own command sees the
 * task, its identity links, attachments and comments as the next command will change them; a
 * FormFieldValidationException becomes a 400 that Tasklist shows. {@code
 * IntegrityDrillTest#attachmentsAndCommentsAreWrittenOnlyByTheStepsWorkers} fails when an upgrade
 * changes that.
 */
final class ProcedureGuard {

  private final ProcessEngineConfigurationImpl configuration;
  private final IdentityService identity;
  private final GroupRoles roles;
  private final GroupLeads leads;
  private final AttachmentAuthors authors;
  private final FormFields formFields = new FormFields();

  ProcedureGuard(
      ProcessEngineConfigurationImpl configuration,
      IdentityService identity,
      GroupRoles roles,
      GroupLeads leads,
      AttachmentAuthors authors) {
    this.configuration = configuration;
    this.identity = identity;
    this.roles = roles;
    this.leads = leads;
    this.authors = authors;
  }

  /** The condition of a granted operation, for a caller who is not an administrator. */
  void check(Grant grant, String method, Object[] args, Caller caller) {
    switch (grant) {
      case READ, SESSION, DIAGNOSTICS, ADMIN -> {}
      case OWN_PROFILE -> CallArguments.ownAccountOnly(method, args, caller.userId());
      case START -> checkStartRight(method, args, caller);
      case COMPLETE -> checkCompletion((String) args[0], CallArguments.variables(args), caller);
      case CLAIM -> checkClaim((String) args[0], (String) args[1], caller);
      case COMMENT, ATTACH -> checkWritesOn(grant == Grant.COMMENT ? args[0] : args[1], caller);
      case OWN_COMMENT -> checkOwnComment((String) args[0], (String) args[1], caller);
      case OWN_ATTACHMENT -> checkOwnAttachment(method, args, caller);
    }
  }

  /**
   * What holds for every caller, administrators included: a task is assigned (claimed, delegated)
   * only to a member of one of its candidate groups, never to an integration account.
   */
  void checkAssignee(String taskId, String userId) {
    if (taskId == null || userId == null) {
      return;
    }
    execute(
        context -> {
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          if (task == null) {
            return null; // the engine says that there is no such task
          }
          List<String> userGroups = groupsOf(context, userId);
          if (roles.integration(userGroups)) {
            throw new AuthorizationException(
                "Tehtävää \""
                    + task.getName()
                    + "\" ei voi antaa integraatiotunnukselle "
                    + userId
                    + " (a task is never given to an integration account).");
          }
          Set<String> candidates = candidateGroups(task);
          if (!candidates.isEmpty() && userGroups.stream().noneMatch(candidates::contains)) {
            throw new AuthorizationException(
                "Tehtävän \""
                    + task.getName()
                    + "\" voi antaa vain ryhmän "
                    + String.join(", ", candidates)
                    + " jäsenelle; "
                    + userId
                    + " ei ole jäsen (a task is given only to a member of its candidate groups).");
          }
          return null;
        });
  }

  // --- the conditions ---------------------------------------------------------------------------

  /** A start: a process the caller's group starts; variables and instructions at the builder. */
  private void checkStartRight(String method, Object[] args, Caller caller) {
    String definition = (String) args[0];
    boolean byId = method.endsWith("ById") || method.startsWith("submitStartForm");
    String processKey = execute(context -> processKey(context, definition, byId));
    if (processKey != null && !roles.mayStart(caller.groups(), processKey)) {
      throw new AuthorizationException(
          caller.userId()
              + " ei voi aloittaa käsittelyä "
              + processKey
              + ": ryhmällä ei ole aloitusoikeutta (muutos.identity.starts; the same right as the"
              + " /api start).");
    }
    if (method.startsWith("startProcessInstanceBy") || method.startsWith("submitStartForm")) {
      if (args.length == 4 || args.length == 3 && args[2] instanceof String) {
        Object caseInstance = args[2];
        if (caseInstance != null) {
          throw new AuthorizationException(
              "Käsittelyn aloittaminen CMMN-tapauksen osana on vain pääkäyttäjän (an"
                  + " administrator's only).");
        }
      }
      checkStartVariables(definition, byId, CallArguments.variables(args));
    }
  }

  /** The start form's fields, of their types, and nothing else. */
  void checkStartVariables(String definition, boolean byId, Map<String, ?> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    execute(
        context -> {
          ProcessDefinitionEntity found = definition(context, definition, byId);
          if (found == null) {
            return null; // the engine's own command says that there is no such process
          }
          checkFields(
              variables,
              formFields.ofStart(context, found),
              "Käsittelyn \"" + found.getName() + "\" voi aloittaa vain aloituslomakkeen kentillä");
          return null;
        });
  }

  /** A person completes a task they work on, with only the fields of its form, of their types. */
  void checkCompletion(String taskId, Map<String, ?> variables, Caller caller) {
    execute(
        context -> {
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          if (task == null) {
            return null; // the engine's own command says that the task does not exist
          }
          requireWorksOn(task, caller);
          if (variables != null && !variables.isEmpty()) {
            checkFields(
                variables,
                task.getProcessDefinitionId() == null ? Map.of() : formFields.ofTask(context, task),
                "Tehtävän \"" + task.getName() + "\" voi päättää vain sen lomakkeen kentillä");
          }
          return null;
        });
  }

  /** For oneself on a task one works on, or by a candidate group's lead for its member. */
  private void checkClaim(String taskId, String userId, Caller caller) {
    execute(
        context -> {
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          if (task == null) {
            return null;
          }
          if (userId == null || userId.equals(caller.userId())) {
            requireWorksOn(task, caller);
            return null;
          }
          Set<String> led = new TreeSet<>(leads.ledBy(caller.userId()));
          led.retainAll(candidateGroups(task));
          led.retainAll(caller.groups());
          List<String> userGroups = groupsOf(context, userId);
          if (led.isEmpty() || userGroups.stream().noneMatch(led::contains)) {
            throw new AuthorizationException(
                caller.userId()
                    + " ei voi ottaa tehtävää \""
                    + task.getName()
                    + "\" toisen puolesta: sen voi antaa vain tehtävän ryhmän vetäjä ryhmänsä"
                    + " jäsenelle (claim for oneself; a group's lead may claim for a member).");
          }
          return null;
        });
  }

  /** Comments and attachments: only on an open task the caller works on. */
  private void checkWritesOn(Object taskId, Caller caller) {
    if (!(taskId instanceof String id)) {
      throw new AuthorizationException(
          "Kommentti ja liite kirjataan tehtävälle; käsittelyyn itseensä kirjoittaa vain"
              + " pääkäyttäjä (on the instance itself, an administrator's only).");
    }
    execute(
        context -> {
          requireWorksOn(openTask(context, id), caller);
          return null;
        });
  }

  private void checkOwnComment(String taskId, String commentId, Caller caller) {
    execute(
        context -> {
          TaskEntity task = openTask(context, taskId);
          requireWorksOn(task, caller);
          CommentEntity comment =
              context.getCommentManager().findCommentByTaskIdAndCommentId(taskId, commentId);
          if (comment != null && !caller.userId().equals(comment.getUserId())) {
            throw new AuthorizationException(
                "Toisen kirjoittamaa kommenttia ei voi muuttaa eikä poistaa (only its author may"
                    + " change or delete a comment).");
          }
          return null;
        });
  }

  private void checkOwnAttachment(String method, Object[] args, Caller caller) {
    String attachmentId =
        switch (method) {
          case "saveAttachment" -> ((Attachment) args[0]).getId();
          case "deleteTaskAttachment" -> (String) args[1];
          default -> (String) args[0];
        };
    execute(
        context -> {
          AttachmentEntity attachment =
              context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
          if (attachment == null) {
            return null; // the engine says that there is no such attachment
          }
          if (attachment.getTaskId() == null) {
            throw new AuthorizationException(
                "Käsittelyn omia liitteitä muuttaa vain pääkäyttäjä (an administrator's only).");
          }
          requireWorksOn(openTask(context, attachment.getTaskId()), caller);
          if (!caller.userId().equals(authors.author(attachmentId))) {
            throw new AuthorizationException(
                "Liitettä \""
                    + attachment.getName()
                    + "\" voi muuttaa tai poistaa vain sen lisännyt henkilö (only the person who"
                    + " added an attachment may change or delete it).");
          }
          return null;
        });
  }

  // --- helpers ----------------------------------------------------------------------------------

  /**
   * Whether the caller works on the task now: a current member of one of its candidate groups (or a
   * candidate user), or, when it has no candidate groups, the assignee the process chose.
   */
  private void requireWorksOn(TaskEntity task, Caller caller) {
    Set<String> candidates = candidateGroups(task);
    boolean candidateUser =
        task.getIdentityLinks().stream()
            .anyMatch(
                link ->
                    IdentityLinkType.CANDIDATE.equals(link.getType())
                        && caller.userId().equals(link.getUserId()));
    boolean works =
        candidateUser
            || (candidates.isEmpty()
                ? caller.userId().equals(task.getAssignee())
                : caller.groups().stream().anyMatch(candidates::contains));
    if (!works) {
      throw new AuthorizationException(
          caller.userId()
              + " ei työskentele tehtävässä \""
              + task.getName()
              + "\": sitä tekee "
              + (candidates.isEmpty()
                  ? "sille osoitettu henkilö"
                  : "ryhmä " + String.join(", ", candidates))
              + " (only a current member of the task's group works on it).");
    }
  }

  private static Set<String> candidateGroups(TaskEntity task) {
    return task.getIdentityLinks().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLinkEntity::getGroupId)
        .filter(group -> group != null)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** An open task; a finished or unknown one is refused (a finished step's record is closed). */
  private static TaskEntity openTask(CommandContext context, String taskId) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      throw new AuthorizationException(
          "Tehtävä "
              + taskId
              + " ei ole avoinna: päättyneen vaiheen kirjaa ei muuteta (a finished step's record"
              + " is closed; only an administrator may write on it).");
    }
    return task;
  }

  /** The user's groups, whoever asks (not filtered by the caller's authorizations). */
  private List<String> groupsOf(CommandContext context, String userId) {
    return context.runWithoutAuthorization(
        () ->
            identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList());
  }

  private static void checkFields(
      Map<String, ?> variables, Map<String, String> fields, String rule) {
    Set<String> extra = new TreeSet<>(variables.keySet());
    extra.removeAll(fields.keySet());
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
    Map<String, String> wrong = new LinkedHashMap<>();
    new TreeSet<>(variables.keySet())
        .forEach(
            name -> {
              Object value =
                  variables instanceof VariableMap typed
                      ? typed.getValueTyped(name)
                      : variables.get(name);
              String refusal = FieldValues.refusal(fields.get(name), value);
              if (refusal != null) {
                wrong.put(name, refusal);
              }
            });
    if (!wrong.isEmpty()) {
      throw new FormFieldValidationException(
          wrong.keySet(),
          "Kentän arvo ei ole lomakkeen mukainen: "
              + wrong.entrySet().stream()
                  .map(entry -> entry.getKey() + " on " + entry.getValue())
                  .collect(Collectors.joining("; "))
              + " (a value of another type than its field's; nothing was changed).");
    }
  }

  private String processKey(CommandContext context, String definition, boolean byId) {
    if (!byId) {
      return definition;
    }
    ProcessDefinitionEntity found = definition(context, definition, true);
    return found == null ? null : found.getKey();
  }

  private ProcessDefinitionEntity definition(
      CommandContext context, String definition, boolean byId) {
    if (definition == null) {
      return null;
    }
    var cache = configuration.getDeploymentCache();
    try {
      return byId
          ? cache.findDeployedProcessDefinitionById(definition)
          : cache.findDeployedLatestProcessDefinitionByKey(definition);
    } catch (RuntimeException unknown) {
      return null; // the engine's own command says that there is no such process
    }
  }

  private <T> T execute(Function<CommandContext, T> check) {
    return configuration.getCommandExecutorTxRequired().execute(check::apply);
  }
}
