package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Elements;
import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code #{zoningTaskValidator}} on every user task's completion: the form validates in the
 * browser, and this checks the same again, whoever completes the task (Tasklist, REST). A task
 * with missing or wrong values is not completed and the message says what is wrong.
 */
@Component("zoningTaskValidator")
class ZoningTaskValidator implements TaskListener {

  private record Rule(String variable, String kind, Set<String> allowed) {
    static Rule date(String variable) {
      return new Rule(variable, "date", Set.of());
    }

    static Rule text(String variable) {
      return new Rule(variable, "text", Set.of());
    }

    static Rule yesNo(String variable) {
      return new Rule(variable, "boolean", Set.of());
    }

    static Rule oneOf(String variable, String... values) {
      return new Rule(variable, "text", Set.of(values));
    }
  }

  private static final Map<String, List<Rule>> RULES = Map.of(
      Elements.ANNOUNCE_INITIATION, List.of(Rule.date(Vars.ANNOUNCEMENT_DATE)),
      Elements.AUTHORITIES_MEETING, List.of(Rule.date("meetingDate")),
      Elements.DISPLAY_DRAFT, List.of(Rule.date("draftDisplayStart")),
      Elements.PREPARE_PROPOSAL, List.of(Rule.date(Vars.PROPOSAL_DISPLAY_START)),
      Elements.REPLY_TO_REMINDERS, List.of(Rule.yesNo(Vars.SUBSTANTIAL_CHANGES)),
      Elements.RECORD_DECISION, List.of(Rule.text("decisionBody"), Rule.date(Vars.DECISION_DATE),
          Rule.oneOf(Vars.DECISION_OUTCOME, "APPROVED", "RETURNED", "REJECTED")),
      Elements.PUBLISH_NOTICE, List.of(Rule.date(Vars.NOTICE_DATE)),
      Elements.ENTRY_INTO_FORCE_NOTICE, List.of(Rule.date(Vars.ENTRY_INTO_FORCE_DATE)));

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    for (Rule rule : RULES.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
      Object value = task.getVariable(rule.variable());
      if (value == null || value.toString().isBlank()) {
        problems.add(rule.variable() + " puuttuu (is required)");
        continue;
      }
      switch (rule.kind()) {
        case "date" -> {
          try {
            LocalDate.parse(value.toString());
          } catch (DateTimeParseException e) {
            problems.add(rule.variable() + " ei ole päivämäärä VVVV-KK-PP: " + value);
          }
        }
        case "boolean" -> {
          if (!(value instanceof Boolean)) {
            problems.add(rule.variable() + " on kyllä/ei (true/false), ei " + value);
          }
        }
        default -> {
          if (!rule.allowed().isEmpty() && !rule.allowed().contains(value.toString())) {
            problems.add(rule.variable() + " on yksi arvoista " + rule.allowed() + ", ei " + value);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new DomainException(Kind.INVALID, "invalid-task-values",
          "Tehtävää " + task.getName() + " ei voi vielä päättää: " + String.join("; ", problems));
    }
  }
}
