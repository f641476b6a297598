package fi.muutos.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations, except on a group's tasks:
 *
 * <ul>
 *   <li>a candidate group gets only the right to work on the task ({@code TASK_WORK}, or the
 *       configured default task permission), not {@code READ}. Group members see a process's tasks
 *       through {@code READ_TASK} on its definition, which every group has for the processes it
 *       takes part in ({@link IdentityInitializer}). Why: every task query checks {@code READ} by
 *       joining the user's authorizations on the task id, the definition key or {@code *}; with a
 *       {@code READ} row per open group task that join grew with the square of the open tasks (at
 *       100k open tasks the planners' Tasklist filter took seconds, docs/benchmarks.md).
 *   <li>on a process with a secret step (a survey) no group has {@code READ_TASK}, so nobody
 *       watches whose ballot ends when (ADR 0057): there a candidate group gets {@code READ} on
 *       each of its own tasks as well (a handful per evaluation, so the join above stays small).
 *   <li>the person who claims, or is given, a task of a group gets no right of their own on it: the
 *       right is the group's, so it ends when the person leaves the group, and does not outlive an
 *       unclaim or a new assignee. A task without candidate groups (the process chose its person,
 *       e.g. a survey respondent) keeps Camunda's per-person right.
 * </ul>
 *
 * <p>Engine internals (docs/engine-extensions.md): the engine asks the provider for the
 * authorizations of a new task, a new candidate group, a claim and an assignment; what it returns
 * is all that is written. {@code IntegrityDrillTest#aTaskIsWorkedOnOnlyByItsGroupsCurrentMembers}
 * fails when an upgrade changes that.
 */
class GroupTaskAuthorizationProvider extends DefaultAuthorizationProvider {

  private static final java.util.Set<String> SECRET_PROCESSES =
      fi.muutos.platform.SecretSteps.processKeysWithSecretSteps();

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    AuthorizationEntity work =
        onProcessWithSecretStep(task)
            ? createOrUpdateAuthorization(
                task, null, groupId, Resources.TASK, false, getDefaultUserPermissionForTask(), READ)
            : createOrUpdateAuthorization(
                task, null, groupId, Resources.TASK, false, getDefaultUserPermissionForTask());
    return work == null ? null : new AuthorizationEntity[] {work};
  }

  private static boolean onProcessWithSecretStep(Task task) {
    return task instanceof TaskEntity entity
        && entity.getProcessDefinition() != null
        && SECRET_PROCESSES.contains(entity.getProcessDefinition().getKey());
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    return hasCandidateGroups(task) ? null : super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    return hasCandidateGroups(task) ? null : super.newTaskOwner(task, oldOwner, newOwner);
  }

  private static boolean hasCandidateGroups(Task task) {
    return task instanceof TaskEntity entity
        && entity.getIdentityLinks().stream()
            .anyMatch(
                link ->
                    IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null);
  }
}
