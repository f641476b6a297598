package fi.muutos.notifications;

import java.time.LocalDate;
import java.util.List;

/**
 * An open task's deadline: the task, its case, the due day, the legal basis (the step's
 * documentation in the model) and the link that opens it in Tasklist; who it concerns (the
 * assignee, or the candidate groups).
 */
public record Deadline(
    String taskId,
    String task,
    String caseKey,
    String caseName,
    LocalDate due,
    String basis,
    String link,
    String assignee,
    List<String> groups) {

  /** Overdue, due today, or upcoming, on {@code today}. */
  public String when(LocalDate today) {
    return due.isBefore(today) ? "OVERDUE" : due.isEqual(today) ? "TODAY" : "UPCOMING";
  }
}
