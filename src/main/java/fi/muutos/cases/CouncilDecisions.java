package fi.muutos.cases;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.WorkingDays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows a council decision in every process that has one (a reform, a transfer), kept once:
 * the decision is not dated ahead; the board's legality check and enforcement (kuntalaki 96 §, 39
 * §) is not before it; the minutes go on public display (140 §) and the appeal period runs from
 * there (the 7th-day rule, then 30 days). Each act's date is checked against the case's record.
 */
@Service
public class CouncilDecisions {

  private final Cases cases;
  private final WorkingDays workingDays;
  private final Clock clock;

  private final fi.muutos.platform.MunicipalitySettings municipality;

  CouncilDecisions(
      Cases cases,
      WorkingDays workingDays,
      Clock clock,
      fi.muutos.platform.MunicipalitySettings municipality) {
    this.municipality = municipality;
    this.cases = cases;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** The appeal period: its last day and the moment it is over. */
  public record AppealPeriod(LocalDate lastDay, OffsetDateTime endsAt) {}

  /** A decision of a body is an act already done: not dated ahead. */
  public void checkNotAhead(LocalDate decidedOn) {
    if (decidedOn != null && decidedOn.isAfter(today())) {
      throw DomainException.legalDate(
          "Päätöksen päivä (decisionDate) "
              + fi.muutos.platform.FormLabels.date(decidedOn)
              + " ei voi olla tulevaisuudessa (the decision is not in the future).");
    }
  }

  /**
   * A decision recorded where the council decides is the council's (kuntalaki 14 §: the
   * administrative regulation and the ownership policy are the council's): the board's own decision
   * to propose, sent under the case's key, is not the council's approval; and the council decides
   * on the board's proposal, not before it (kuntalaki 39 §).
   */
  public void checkCouncil(fi.muutos.platform.Decision.Facts decision) {
    checkCouncil(decision.body());
    LocalDate proposed = decision.boardProposedOn();
    if (decision.date() != null && proposed != null && decision.date().isBefore(proposed)) {
      throw DomainException.legalDate(
          "Valtuusto päättää hallituksen esityksestä: päätös "
              + decision.date()
              + " on ennen hallituksen esitystä "
              + proposed
              + " (kuntalaki 39 §; decisionDate).");
    }
  }

  /** The body of a decision recorded where the council decides is the council. */
  public void checkCouncil(String decisionBody) {
    if (!municipality.isCouncil(decisionBody)) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "wrong-approving-body",
          "Asiasta päättää "
              + municipality.council()
              + ", ei "
              + (decisionBody == null || decisionBody.isBlank()
                  ? "nimeämätön toimielin"
                  : decisionBody)
              + " (kuntalaki 14 §; decisionBody).");
    }
  }

  /** The council approved on {@code decidedOn}: the case waits for the board's legality check. */
  @Transactional
  public <S extends Enum<S> & CaseStage> void approved(
      CaseKind<S> kind, String businessKey, S legalityCheck, LocalDate decidedOn, String activity) {
    checkNotAhead(decidedOn);
    cases.enter(kind, businessKey, legalityCheck, null, decidedOn, activity);
  }

  /**
   * The board found the council's decision lawful and enforces it: implementation starts. Its
   * decision is not before the council's nor ahead.
   */
  @Transactional
  public <S extends Enum<S> & CaseStage> void enforced(
      CaseKind<S> kind,
      String businessKey,
      S implementation,
      LocalDate councilDecidedOn,
      LocalDate checkedOn,
      String activity) {
    actDone("legalityCheckDate", checkedOn, councilDecidedOn, "valtuuston päätöstä");
    cases.enter(kind, businessKey, implementation, null, checkedOn, activity);
  }

  /** The minutes went on public display on {@code published}: the appeal period. */
  /**
   * When the registry's check that no appeal was lodged is due: {@link
   * fi.muutos.platform.CourtEvents#CHECK_DAYS} after the period's last day (an appeal lodged with
   * the court on that day reaches the city later), on a working day.
   */
  /**
   * The appeal period started: when it is over ({@code appealPeriodEndsAt}) and when the registry's
   * check is due, on the case's execution.
   */
  public void appealPeriodStarted(
      org.camunda.bpm.engine.delegate.VariableScope execution, OffsetDateTime endsAt) {
    fi.muutos.platform.CourtEvents.APPEAL_PERIOD_ENDS_AT.set(execution, endsAt);
    fi.muutos.platform.CourtEvents.APPEAL_CHECK_DUE.set(execution, appealCheckDue(endsAt));
  }

  /**
   * A court ruled: whether its annulment can still be appealed to the KHO and, if so, the KHO's
   * period and the registry's check after it, on the case's execution (review R1).
   */
  public void courtRuled(
      org.camunda.bpm.engine.delegate.VariableScope execution,
      fi.muutos.platform.CourtEvents.Ruling ruling) {
    fi.muutos.platform.CourtEvents.ANNULMENT_APPEALABLE.set(
        execution, ruling.annulmentAppealable());
    if (ruling.annulmentAppealable()) {
      appealPeriodStarted(execution, ruling.furtherAppealEndsAt());
    }
  }

  /**
   * The step that records a court's decision on the appeals ({@code #{record…AppealDecision}}) in
   * the case's court record, and what follows from it ({@link #courtRuled}).
   */
  public org.camunda.bpm.engine.delegate.JavaDelegate courtDecision(
      CourtRecord record,
      java.util.function.ToLongFunction<org.camunda.bpm.engine.delegate.DelegateExecution> caseId) {
    return execution ->
        courtRuled(
            execution,
            record.appealDecided(
                caseId.applyAsLong(execution),
                fi.muutos.platform.CourtEvents.APPEAL_OUTCOME.require(execution),
                fi.muutos.platform.CourtEvents.APPEAL_DECISION_DATE.require(execution),
                fi.muutos.platform.CourtEvents.APPEAL_DECISION_COURT.get(execution),
                fi.muutos.platform.CourtEvents.APPEAL_SERVED_ON.get(execution)));
  }

  public OffsetDateTime appealCheckDue(OffsetDateTime periodEndsAt) {
    LocalDate lastDay = periodEndsAt.atZoneSameInstant(clock.getZone()).toLocalDate().minusDays(1);
    return workingDays.endOf(
        workingDays.onOrAfter(lastDay.plusDays(fi.muutos.platform.CourtEvents.CHECK_DAYS)));
  }

  public AppealPeriod appealPeriod(LocalDate councilDecidedOn, LocalDate published) {
    actDone("noticeDate", published, councilDecidedOn, "valtuuston päätöstä");
    LocalDate lastDay = workingDays.appealPeriodEnd(published);
    return new AppealPeriod(lastDay, workingDays.endOf(lastDay));
  }

  /**
   * The date of an act already done: given, not in the future, not before what it follows ({@code
   * what}, in Finnish, for the message).
   */
  public void actDone(String variable, LocalDate date, LocalDate notBefore, String what) {
    if (date == null) {
      throw DomainException.legalDate("Anna " + variable + ".");
    }
    if (date.isAfter(today())) {
      throw DomainException.legalDate(
          variable + " " + date + " on tulevaisuudessa: kirjaa tehty päätös tai toimi.");
    }
    if (notBefore != null && date.isBefore(notBefore)) {
      throw DomainException.legalDate(
          variable + " " + date + " on ennen " + what + " (" + notBefore + ").");
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
