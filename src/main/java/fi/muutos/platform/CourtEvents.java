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

  /**
   * The registry's check after the appeal period (an appeal is lodged with the court, so the city
   * learns of one only later; review R1): whether appeals were lodged, what was checked, and when
   * the check is due (the period's end + {@link #CHECK_DAYS}, on a working day).
   */
  public static final ProcessVariable<Boolean> APPEALS_LODGED =
      ProcessVariable.flag("appealsLodged");

  public static final ProcessVariable<String> APPEAL_CHECK = ProcessVariable.text("appealCheck");
  public static final ProcessVariable<OffsetDateTime> APPEAL_CHECK_DUE =
      ProcessVariable.moment("appealCheckDue");

  /** When the appeal period is over. */
  public static final ProcessVariable<OffsetDateTime> APPEAL_PERIOD_ENDS_AT =
      ProcessVariable.moment("appealPeriodEndsAt");

  /** The registry's check's task, the same id in every process that has it. */
  public static final String CHECK_APPEALS = "userTask_checkAppeals";

  /** Days after the appeal period when the registry's check is due. */
  public static final int CHECK_DAYS = 7;

  private CourtEvents() {}

  /** The rules of the registry's check: an answer, what was checked. */
  public static java.util.List<TaskRules.Rule> checkRules() {
    return java.util.List.of(
        TaskRules.Rule.yesNo(APPEALS_LODGED), TaskRules.Rule.text(APPEAL_CHECK));
  }

  /**
   * An appeal the registry found: its court and date are required (the appeal is recorded as if the
   * court's event had brought it). Empty when the registry found none.
   */
  public static java.util.Optional<Found> found(org.camunda.bpm.engine.delegate.DelegateTask task) {
    if (!CHECK_APPEALS.equals(task.getTaskDefinitionKey())
        || !Boolean.TRUE.equals(APPEALS_LODGED.get(task))) {
      return java.util.Optional.empty();
    }
    String court = APPEAL_COURT.get(task);
    LocalDate date = APPEAL_DATE.get(task);
    if (court == null || court.isBlank() || date == null) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "invalid-task-values",
          "Kirjaa löydetyn valituksen tuomioistuin ja päivä (appealCourt, appealDate).");
    }
    return java.util.Optional.of(new Found(court.strip(), date, APPEAL_REFERENCE.get(task)));
  }

  /** An appeal found by the registry's check. */
  public record Found(String court, LocalDate date, String reference) {}

  /**
   * The courts whose decisions reach a case: the administrative court, whose decision can still be
   * appealed to the KHO with leave, and the KHO, whose decision is final.
   */
  public enum Court {
    HAO,
    KHO
  }

  /** The court a decision names, refused in Finnish when it is neither. */
  public static Court court(String court) {
    try {
      return Court.valueOf(court == null ? "" : court.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "invalid-court-decision",
          "Tuomioistuin on HAO (hallinto-oikeus) tai KHO (korkein hallinto-oikeus), ei "
              + court
              + ".");
    }
  }

  /**
   * What a court's ruling means for a case: an administrative court's annulment is not final while
   * it can be appealed to the KHO ({@code annulmentAppealable}, until {@code furtherAppealEndsAt}).
   */
  public record Ruling(boolean annulmentAppealable, OffsetDateTime furtherAppealEndsAt) {

    /**
     * The ruling of {@code outcome} by a court whose decision can be appealed until {@code
     * furtherAppealLastDay} (null: the KHO's, final).
     */
    public static Ruling of(
        String outcome, LocalDate furtherAppealLastDay, WorkingDays workingDays) {
      boolean appealable = "ANNULLED".equals(outcome) && furtherAppealLastDay != null;
      return new Ruling(appealable, appealable ? workingDays.endOf(furtherAppealLastDay) : null);
    }
  }

  /**
   * The last day to appeal an administrative court's decision to the KHO: 30 days from its service
   * (AKL 190 §, oikeudenkäynnistä hallintoasioissa annettu laki 13 §): {@code servedOn}, or when
   * the court did not say, the 7th day after the decision (hallintolaki 59 §), moved to a working
   * day.
   */
  public static LocalDate furtherAppealLastDay(
      WorkingDays workingDays, LocalDate decidedOn, LocalDate servedOn) {
    LocalDate served = servedOn != null ? servedOn : decidedOn.plusDays(7);
    if (served.isBefore(decidedOn)) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "invalid-court-decision",
          "Ratkaisu ei voi tulla tiedoksi ("
              + served
              + ") ennen kuin se on annettu ("
              + decidedOn
              + ").");
    }
    return workingDays.periodEnd(served, WorkingDays.APPEAL_DAYS);
  }

  /** The court that decided (HAO or KHO) and when its decision was served on the city. */
  public static final ProcessVariable<String> APPEAL_DECISION_COURT =
      ProcessVariable.text("appealDecisionCourt");

  public static final ProcessVariable<LocalDate> APPEAL_SERVED_ON =
      ProcessVariable.date("appealServedOn");

  /** An administrative court annulled the decision and the KHO's period is still open. */
  public static final ProcessVariable<Boolean> ANNULMENT_APPEALABLE =
      ProcessVariable.flag("annulmentAppealable");

  /** No appeal awaits the court: the case now listens for late court decisions. */
  public static final ProcessVariable<Boolean> APPEALS_SETTLED =
      ProcessVariable.flag("appealsSettled");
}
