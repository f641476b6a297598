package fi.muutos.platform;

import fi.muutos.platform.TaskRules.Rule;
import java.time.LocalDate;
import java.util.List;

/**
 * A recorded decision of a municipal body: the same variables in every process, written by the
 * registry's form or by the meeting system's decision event (its data mapping in {@code
 * muutos.events}), and the same rules on the task that records it.
 */
public final class Decision {

  public static final ProcessVariable<String> BODY = ProcessVariable.text("decisionBody");
  public static final ProcessVariable<LocalDate> DATE = ProcessVariable.date("decisionDate");
  public static final ProcessVariable<String> OUTCOME = ProcessVariable.text("decisionOutcome");

  /** The section (pykälä) of the minutes, recorded for the case's history. */
  public static final ProcessVariable<String> SECTION = ProcessVariable.text("decisionSection");

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
}
