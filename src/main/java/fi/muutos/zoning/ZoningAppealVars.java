package fi.muutos.zoning;

import fi.muutos.platform.ProcessVariable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The zoning process's variables after the approval: appeals, the courts' decisions, the
 * elinvoimakeskus' rectification request, early entry into force and legal force (AKL 188-201 §).
 * Read them as {@code ZoningPlanProcess.Vars}, which extends this class.
 */
public class ZoningAppealVars {

  /** The appeal (fi.muutos.zoning.appeal.filed): its date; court and reference in history. */
  public static final ProcessVariable<LocalDate> APPEAL_DATE = ProcessVariable.date("appealDate");

  /**
   * A court's decision (fi.muutos.zoning.appeal.decided): which court (HAO, KHO), when, when it was
   * served; {@link #APPEAL_OUTCOME} says what it means for the plan.
   */
  public static final ProcessVariable<String> APPEAL_DECISION_COURT =
      ProcessVariable.text("appealDecisionCourt");

  public static final ProcessVariable<LocalDate> APPEAL_DECISION_DATE =
      ProcessVariable.date("appealDecisionDate");
  public static final ProcessVariable<LocalDate> APPEAL_SERVED_ON =
      ProcessVariable.date("appealServedOn");

  /** After an HaO decision: the further appeal to the KHO (AKL 190 §) and its check. */
  public static final ProcessVariable<Boolean> FURTHER_APPEAL_POSSIBLE =
      ProcessVariable.flag("furtherAppealPossible");

  public static final ProcessVariable<OffsetDateTime> FURTHER_APPEAL_ENDS_AT =
      ProcessVariable.moment("furtherAppealEndsAt");
  public static final ProcessVariable<LocalDate> FURTHER_APPEAL_CHECK_DUE =
      ProcessVariable.date("furtherAppealCheckDue");
  public static final ProcessVariable<Boolean> FURTHER_APPEAL_LODGED =
      ProcessVariable.flag("furtherAppealLodged");
  public static final ProcessVariable<String> FURTHER_APPEAL_CHECK =
      ProcessVariable.text("furtherAppealCheck");

  /**
   * The plan, or the parts the appeals do not concern, ordered into force before legal force (AKL
   * 201 §; fi.muutos.zoning.entry-into-force.ordered): WHOLE or PART, from this date.
   */
  public static final ProcessVariable<String> EARLY_ENTRY_SCOPE =
      ProcessVariable.text("earlyEntryScope");

  public static final ProcessVariable<LocalDate> EARLY_ENTRY_DATE =
      ProcessVariable.date("earlyEntryDate");

  /** The day the plan (or its annulment) became final: the legal date of 12 and 14. */
  public static final ProcessVariable<LocalDate> LEGAL_FORCE_DATE =
      ProcessVariable.date("legalForceDate");

  /**
   * The elinvoimakeskus' rectification request (fi.muutos.zoning.rectification.requested) and the
   * council's answer to it: KEPT or REVOKED.
   */
  public static final ProcessVariable<LocalDate> RECTIFICATION_DATE =
      ProcessVariable.date("rectificationDate");

  public static final ProcessVariable<String> RECTIFICATION_OUTCOME =
      ProcessVariable.text("rectificationOutcome");
  public static final ProcessVariable<LocalDate> RECTIFICATION_ANSWER_DATE =
      ProcessVariable.date("rectificationAnswerDate");

  /** The answer reached the elinvoimakeskus: its own appeal period runs from then (AKL 195 §). */
  public static final ProcessVariable<LocalDate> RECTIFICATION_ANSWER_SERVED_ON =
      ProcessVariable.date("rectificationAnswerServedOn");

  /** The elinvoimakeskus' appeal period after a kept decision; a request after its 14 days. */
  public static final ProcessVariable<LocalDate> RECTIFICATION_APPEAL_ENDS_ON =
      ProcessVariable.date("rectificationAppealEndsOn");

  public static final ProcessVariable<Boolean> RECTIFICATION_LATE =
      ProcessVariable.flag("rectificationLate");

  /** Where a kept decision goes on: COURT, APPEAL_PERIOD, LEGALITY_CHECK or NOTICE. */
  public static final ProcessVariable<String> RECTIFICATION_RESUME =
      ProcessVariable.text("rectificationResume");

  /** A revocation under appeal was told to the court and the appellants (AKL 195 §). */
  public static final ProcessVariable<LocalDate> COURT_INFORMED_ON =
      ProcessVariable.date("courtInformedOn");

  public static final ProcessVariable<Boolean> APPELLANTS_INFORMED =
      ProcessVariable.flag("appellantsInformed");

  /** Whether an appeal was lodged while a rectification request was open. */
  public static final ProcessVariable<Boolean> APPEAL_PENDING =
      ProcessVariable.flag("appealPending");

  ZoningAppealVars() {}
}
