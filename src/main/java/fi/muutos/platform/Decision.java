package fi.muutos.platform;

import fi.muutos.platform.TaskRules.Rule;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A recorded decision of a municipal body: the same variables in every process, written by the
 * registry's form or by the meeting system's decision event (its data mapping in {@code
 * muutos.events}), and the same rules on the task that records it.
 */
public final class Decision {

  public static final ProcessVariable<String> BODY = ProcessVariable.text("decisionBody");
  public static final ProcessVariable<LocalDate> DATE = ProcessVariable.date("decisionDate");
  public static final ProcessVariable<String> OUTCOME = ProcessVariable.text("decisionOutcome");

  /** The date the decision takes effect when the body decided one (a reform, a transfer). */
  public static final ProcessVariable<LocalDate> EFFECTIVE_DATE =
      ProcessVariable.date("effectiveDate");

  /**
   * A decision as the registry's form or the meeting system's event recorded it: which body, what,
   * when, and the date it takes effect if the body decided one; and when the board proposed it.
   */
  public record Facts(
      String body,
      String outcome,
      LocalDate date,
      LocalDate effectiveDate,
      LocalDate boardProposedOn) {

    /** The decision's variables where the task and the event meet, and the board's proposal. */
    public static Facts of(org.camunda.bpm.engine.delegate.VariableScope scope) {
      return new Facts(
          BODY.get(scope),
          OUTCOME.get(scope),
          DATE.get(scope),
          EFFECTIVE_DATE.get(scope),
          Cooperation.BOARD_DATE.get(scope));
    }
  }

  /** The section (pykälä) of the minutes, recorded for the case's history. */
  public static final ProcessVariable<String> SECTION = ProcessVariable.text("decisionSection");

  /** The board's legality check of a council decision (kuntalaki 96 §): LAWFUL, REFERRED_BACK. */
  public static final ProcessVariable<String> LEGALITY_CHECK_RESULT =
      ProcessVariable.text("legalityCheckResult");

  /** The date of the board's legality check and enforcement decision. */
  public static final ProcessVariable<LocalDate> LEGALITY_CHECK_DATE =
      ProcessVariable.date("legalityCheckDate");

  /** The first day the minutes are on public display (kuntalaki 140 §). */
  public static final ProcessVariable<LocalDate> NOTICE_DATE = ProcessVariable.date("noticeDate");

  /**
   * Approved; returned for further preparation; rejected; tabled (pöydälle: decided at a later
   * meeting).
   */
  public static final String[] OUTCOMES = {"APPROVED", "RETURNED", "REJECTED", "TABLED"};

  private Decision() {}

  /** The values a task that records a decision must carry. */
  public static List<Rule> rules() {
    return List.of(Rule.text(BODY), Rule.date(DATE), Rule.oneOf(OUTCOME, OUTCOMES));
  }

  /**
   * The rules of the steps a council decision goes through in every process that has one: the task
   * that records it, the board's legality check (not before the decision) and the minutes on
   * display; keyed by the process's own element ids.
   */
  public static Map<String, List<Rule>> councilSteps(
      String recordDecision, String legalityCheck, String minutesOnDisplay) {
    return Map.of(
        recordDecision,
        rules(),
        legalityCheck,
        List.of(
            Rule.oneOf(LEGALITY_CHECK_RESULT, "LAWFUL", "REFERRED_BACK"),
            Rule.dateNotBefore(LEGALITY_CHECK_DATE, DATE)),
        minutesOnDisplay,
        List.of(Rule.date(NOTICE_DATE)));
  }
}
