package fi.muutos.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Rows in the engine's user operation log ({@code ACT_HI_OP_LOG}) for the changes to a case that
 * the engine itself does not log: a step ended by an error or an escalation, a comment written, an
 * attachment renamed. With the engine's own rows (claim, assignment, completion, attachments added
 * and deleted, comments changed and deleted) every change to a case by anyone, administrators
 * included, has a row with its user and time. Written in the transaction of the change.
 *
 * <p>Engine internals (docs/engine-extensions.md): a row written through the command context's
 * operation log manager lands in ACT_HI_OP_LOG in the change's transaction with the caller's user
 * id. {@code IntegrityDrillTest#anAdministratorsRepairIsLoggedAndAnUncaughtErrorChangesNothing}
 * fails when an upgrade changes that.
 */
final class OperationLog {

  static final String HANDLE_BPMN_ERROR = "HandleBpmnError";
  static final String HANDLE_ESCALATION = "HandleEscalation";
  static final String CREATE_COMMENT = "CreateComment";
  static final String UPDATE_ATTACHMENT = "UpdateAttachment";

  private OperationLog() {}

  /** A step ended by an error or an escalation: its code and the names of the variables set. */
  static void taskEnded(
      CommandContext context,
      TaskEntity task,
      String operation,
      String code,
      Map<String, ?> variables) {
    List<PropertyChange> changes = new ArrayList<>();
    changes.add(new PropertyChange("code", null, code));
    if (variables != null && !variables.isEmpty()) {
      changes.add(new PropertyChange("variables", null, String.join(",", variables.keySet())));
    }
    context.getOperationLogManager().logTaskOperations(operation, task, changes);
  }

  /** A comment written on a task or on a process instance. */
  static void comment(
      CommandContext context, String taskId, String processInstanceId, String commentId) {
    PropertyChange change = new PropertyChange("commentId", null, commentId);
    if (taskId != null) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task != null) {
        context.getOperationLogManager().logCommentOperation(CREATE_COMMENT, task, change);
      }
    } else if (processInstanceId != null) {
      ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
      if (instance != null) {
        context.getOperationLogManager().logCommentOperation(CREATE_COMMENT, instance, change);
      }
    }
  }

  /** An attachment's name or description changed. */
  static void attachmentUpdated(CommandContext context, String taskId, String name) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task != null) {
      context
          .getOperationLogManager()
          .logAttachmentOperation(UPDATE_ATTACHMENT, task, new PropertyChange("name", null, name));
    }
  }
}
