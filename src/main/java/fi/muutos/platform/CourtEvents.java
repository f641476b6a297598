package fi.muutos.platform;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What the courts send about a council decision in every process that has appeals and enforcement
 * bans (a reform, a transfer; kuntalaki 135 §, 143 §): the appeal, the court's decision, a ban and
 * its lifting, and the daily check while a ban holds the case. The variables are declared once, as
 * the event routes write them; each process names them in its own {@code Vars}.
 */
public final class CourtEvents {

  public static final ProcessVariable<String> APPEAL_COURT = ProcessVariable.text("appealCourt");
  public static final ProcessVariable<LocalDate> APPEAL_DATE = ProcessVariable.date("appealDate");
  public static final ProcessVariable<String> APPEAL_REFERENCE =
      ProcessVariable.text("appealReference");
  public static final ProcessVariable<String> APPEAL_OUTCOME =
      ProcessVariable.text("appealOutcome");
  public static final ProcessVariable<LocalDate> APPEAL_DECISION_DATE =
      ProcessVariable.date("appealDecisionDate");
  public static final ProcessVariable<Boolean> APPEALS_PENDING =
      ProcessVariable.flag("appealsPending");
  public static final ProcessVariable<LocalDate> BAN_DATE = ProcessVariable.date("banDate");
  public static final ProcessVariable<LocalDate> BAN_LIFTED_DATE =
      ProcessVariable.date("banLiftedDate");
  public static final ProcessVariable<String> BAN_COURT = ProcessVariable.text("banCourt");
  public static final ProcessVariable<String> BAN_REFERENCE = ProcessVariable.text("banReference");
  public static final ProcessVariable<Boolean> ENFORCEMENT_BANNED =
      ProcessVariable.flag("enforcementBanned");
  public static final ProcessVariable<OffsetDateTime> NEXT_CHECK_AT =
      ProcessVariable.moment("nextCheckAt");

  private CourtEvents() {}
}
