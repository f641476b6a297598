package fi.muutos.cases;

import fi.muutos.platform.ProcessVariable;
import java.time.LocalDate;

/**
 * A legal date entered as earlier than the day it was entered: an earlier act registered
 * afterwards, with the reason the person gave (issue 17: a date in the past shortens no period
 * unless someone says why, and it is on the record).
 */
public record Backdating(
    String variable,
    LocalDate legalDate,
    String reason,
    LocalDate enteredOn,
    String enteredBy,
    String activityId) {

  /** The form field in which a person states why a legal date is earlier than today. */
  public static final ProcessVariable<String> REASON = ProcessVariable.text("backdatingReason");
}
