package fi.muutos.identity;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations, except one: a candidate group gets only the right to work on
 * the task ({@code TASK_WORK}, or the configured default task permission), not {@code READ}. Group
 * members see a process's tasks through {@code READ_TASK} on its definition, which every group has
 * for the processes it takes part in ({@link IdentityInitializer}).
 *
 * <p>Why: every task query checks {@code READ} by joining the user's authorizations on the task id,
 * the definition key or {@code *}. With a {@code READ} row per open group task, that join grew with
 * the square of the open tasks: at 100k open tasks the planners' Tasklist filter took seconds
 * (docs/benchmarks.md). Without them it stays flat. Who may work on which task does not change.
 */
class GroupTaskAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    AuthorizationEntity work =
        createOrUpdateAuthorization(
            task, null, groupId, Resources.TASK, false, getDefaultUserPermissionForTask());
    return work == null ? null : new AuthorizationEntity[] {work};
  }
}
