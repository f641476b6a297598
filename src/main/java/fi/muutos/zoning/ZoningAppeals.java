package fi.muutos.zoning;

import fi.muutos.cases.Cases;
import fi.muutos.platform.CourtEvents;
import fi.muutos.platform.CourtEvents.Court;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.WorkingDays;
import fi.muutos.zoning.ZoningPlanRepository.PlanRow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What can still change an approved plan, and when it is final: the appeal period, appeals and the
 * courts' decisions (HaO, KHO; AKL 188-190 §), the elinvoimakeskus' rectification request (AKL 195
 * §), early entry into force (AKL 201 §), and the day of legal force. Called by the process's
 * delegates, in the job's transaction (docs/adr/0043).
 */
@Service
public class ZoningAppeals {

  private final ZoningPlans plans;
  private final ZoningPlanRepository repository;
  private final Cases cases;
  private final WorkingDays workingDays;
  private final Clock clock;
  private final int legalForceCheckDays;

  private final fi.muutos.cases.CaseCorrections corrections;

  ZoningAppeals(
      fi.muutos.cases.CaseCorrections corrections,
      ZoningPlans plans,
      ZoningPlanRepository repository,
      Cases cases,
      WorkingDays workingDays,
      Clock clock,
      @Value("${muutos.zoning.legal-force-check-days:7}") int legalForceCheckDays) {
    this.corrections = corrections;
    this.plans = plans;
    this.repository = repository;
    this.cases = cases;
    this.workingDays = workingDays;
    this.clock = clock;
    this.legalForceCheckDays = legalForceCheckDays;
  }

  /**
   * An appeal was lodged (or found by the registry's check): the plan is under appeal (08), or
   * under both an appeal and a rectification request (09), from the appeal's date when the event
   * gave one.
   */
  @Transactional
  public void appealed(long planId, ZoningStage stage, LocalDate appealDate, String activityId) {
    if (stage != ZoningStage.APPEALED && stage != ZoningStage.RECTIFICATION_AND_APPEAL) {
      throw new IllegalArgumentException(stage + " is not a stage of an appeal");
    }
    cases.enter(
        ZoningPlanProcess.CASE,
        plans.plan(planId).businessKey(),
        stage,
        null,
        appealDate,
        activityId);
  }

  /**
   * An appeal reached the city after legal force was recorded (12): lodged in time (not after the
   * last appeal period's last day, the first or the further one), it means legal force was recorded
   * in error. The plan is under appeal again (08, from the appeal's date) and the correction is on
   * its record; one lodged late does not touch legal force and is refused.
   */
  @Transactional
  public void legalForceInError(long planId, LocalDate appealDate, String activityId) {
    PlanRow plan = plans.plan(planId);
    LocalDate lastDay = plan.appealEndsOn();
    if (plan.furtherAppealEndsOn() != null
        && (lastDay == null || plan.furtherAppealEndsOn().isAfter(lastDay))) {
      lastDay = plan.furtherAppealEndsOn();
    }
    if (appealDate == null || lastDay == null || appealDate.isAfter(lastDay)) {
      throw new DomainException(
          Kind.CONFLICT,
          "plan-in-force",
          "Kaava "
              + plan.businessKey()
              + " on lainvoimainen: valitus "
              + appealDate
              + " on tehty valitusajan ("
              + lastDay
              + ") jälkeen eikä muuta lainvoimaisuutta (an appeal after the period does not undo"
              + " legal force).");
    }
    corrections.correctedState(
        ZoningPlanProcess.CASE,
        plan.businessKey(),
        ZoningStage.LEGALLY_BINDING,
        ZoningStage.APPEALED,
        "Valitusaikana "
            + appealDate
            + " tehty valitus tuli tietoon lainvoimaisuuden kirjaamisen jälkeen: lainvoimaisuus"
            + " kirjattiin virheellisesti.",
        activityId);
    cases.enter(
        ZoningPlanProcess.CASE,
        plan.businessKey(),
        ZoningStage.APPEALED,
        null,
        appealDate,
        activityId);
  }

  /**
   * The plan under appeal was ordered into force before legal force (AKL 201 §): as a whole (Ryhti
   * 11 Voimassa ennen kaavan lainvoimaisuutta) or the parts the appeals do not concern (10 Osittain
   * voimassa), from {@code date}. It stays under the court's decision.
   */
  @Transactional
  public void enterIntoForceEarly(long planId, String scope, LocalDate date, String activityId) {
    PlanRow plan = plans.plan(planId);
    ZoningStage stage =
        switch (scope == null ? "" : scope) {
          case "WHOLE" -> ZoningStage.IN_FORCE_BEFORE_LEGAL_FORCE;
          case "PART" -> ZoningStage.PARTLY_IN_FORCE;
          default ->
              throw new DomainException(
                  Kind.INVALID,
                  "invalid-entry-into-force",
                  "Voimaantulon laajuus on WHOLE tai PART, ei " + scope + ".");
        };
    cases.enter(ZoningPlanProcess.CASE, plan.businessKey(), stage, null, date, activityId);
  }

  /**
   * The appeal period after the approval notice: the notice is deemed received on the 7th day after
   * publication, then 30 days, moved to the next working day; never shorter than the
   * elinvoimakeskus' own period after a kept rectification request ({@code atLeast}, AKL 195 §).
   * Returns when it is over.
   */
  @Transactional
  public OffsetDateTime startAppealPeriod(
      long planId, LocalDate noticePublished, LocalDate atLeast) {
    PlanRow plan = plans.plan(planId);
    LocalDate lastDay = workingDays.appealPeriodEnd(noticePublished);
    if (atLeast != null && atLeast.isAfter(lastDay)) {
      lastDay = atLeast;
    }
    repository.appealPeriod(planId, noticePublished, lastDay);
    plans.changed(plan.businessKey());
    return workingDays.endOf(lastDay);
  }

  /**
   * Where a decision its body kept goes on (AKL 195 §): to the court's wait when an appeal is
   * pending, to the appeal period when it runs, to the board's legality check a council decision
   * has not had yet, else to the notice (the request came before it).
   */
  static String resumeAfterKept(
      boolean appealPending, boolean appealPeriodRuns, boolean legalityCheckDue) {
    if (appealPending) {
      return "COURT";
    }
    if (appealPeriodRuns) {
      return "APPEAL_PERIOD";
    }
    return legalityCheckDue ? "LEGALITY_CHECK" : "NOTICE";
  }

  /** The moment the plan's appeal period (as now recorded) is over. */
  public OffsetDateTime appealPeriodEndsAt(long planId) {
    return workingDays.endOf(plans.plan(planId).appealEndsOn());
  }

  /**
   * The day the plan becomes final if no appeal was lodged: the day after the appeal period's last
   * day.
   */
  public LocalDate legalForceDate(long planId) {
    return plans.plan(planId).appealEndsOn().plusDays(1);
  }

  /**
   * What a court's decision means for the plan's procedure: whether it can still be appealed
   * further, until when, when the registry's check is due, and the day the decision becomes final
   * if it is not appealed.
   */
  public record CourtDecision(
      boolean furtherAppealPossible,
      OffsetDateTime furtherAppealEndsAt,
      LocalDate checkDue,
      LocalDate finalOn) {}

  /**
   * A court decided on an appeal against the plan. A KHO decision is final on its date. An
   * administrative court's decision can be appealed to the KHO with leave within 30 days of its
   * service (AKL 190 §, oikeudenkäynnistä hallintoasioissa annettu laki 13 §): {@code servedOn}, or
   * when the court did not say, the 7th day after the decision (hallintolaki 59 §, a letter's
   * presumed service). The period's last day moves to a working day.
   */
  @Transactional
  public CourtDecision recordCourtDecision(
      long planId, String court, String outcome, LocalDate decidedOn, LocalDate servedOn) {
    plans.plan(planId);
    Court which = CourtEvents.court(court);
    if (decidedOn == null || decidedOn.isAfter(LocalDate.now(clock))) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-court-decision",
          "Tuomioistuimen ratkaisun päivä puuttuu tai on tulevaisuudessa: " + decidedOn + ".");
    }
    if ("RETURNED_TO_HAO".equals(outcome) && which != Court.KHO) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-court-decision",
          "Vain korkein hallinto-oikeus palauttaa asian hallinto-oikeudelle (RETURNED_TO_HAO), ei "
              + which
              + ".");
    }
    if (which == Court.KHO) {
      repository.courtDecision(planId, which.name(), outcome, decidedOn, null);
      return new CourtDecision(false, null, null, decidedOn);
    }
    LocalDate lastDay = CourtEvents.furtherAppealLastDay(workingDays, decidedOn, servedOn);
    repository.courtDecision(planId, which.name(), outcome, decidedOn, lastDay);
    return new CourtDecision(
        true,
        workingDays.endOf(lastDay),
        workingDays.onOrAfter(lastDay.plusDays(legalForceCheckDays)),
        lastDay.plusDays(1));
  }

  /**
   * The elinvoimakeskus made a rectification request (AKL 195 §): the plan is 07 Oikaisukehotuksen
   * alainen, or 09 when it is already under appeal (or in force before legal force while under
   * appeal), from the request's date. Returns whether the request came after its 14 days from the
   * day the elinvoimakeskus received the AKL 67 § notice ({@code notifiedOn}, when recorded): the
   * answer's task shows it.
   */
  @Transactional
  public boolean rectificationRequested(
      long planId, LocalDate requestedOn, LocalDate notifiedOn, String activityId) {
    PlanRow plan = plans.plan(planId);
    ZoningStage current = cases.get(ZoningPlanProcess.CASE, plan.businessKey()).stage();
    boolean underAppeal =
        java.util.EnumSet.of(
                ZoningStage.APPEALED,
                ZoningStage.PARTLY_IN_FORCE,
                ZoningStage.IN_FORCE_BEFORE_LEGAL_FORCE)
            .contains(current);
    cases.enter(
        ZoningPlanProcess.CASE,
        plan.businessKey(),
        underAppeal ? ZoningStage.RECTIFICATION_AND_APPEAL : ZoningStage.RECTIFICATION_REQUESTED,
        null,
        requestedOn,
        activityId);
    return notifiedOn != null
        && requestedOn != null
        && requestedOn.isAfter(workingDays.periodEnd(notifiedOn, RECTIFICATION_DAYS));
  }

  /** The elinvoimakeskus' days for a rectification request after the AKL 67 § notice (195 §). */
  static final int RECTIFICATION_DAYS = 14;

  /**
   * What the approving body's answer to a rectification request means: whether an appeal is
   * pending, and, when it kept its decision, the last day of the elinvoimakeskus' own appeal period
   * (30 days from the answer's service; AKL 195 §) and of the plan's appeal period now.
   */
  public record RectificationAnswer(
      boolean appealPending, LocalDate elinvoimakeskusAppealEndsOn, LocalDate appealEndsOn) {}

  /**
   * The approving body answered the elinvoimakeskus' rectification request (AKL 195 §). KEPT: the
   * plan is approved again (06), or under appeal (08) when an appeal was lodged while the request
   * was open (09); the elinvoimakeskus may still appeal within 30 days of the answer's service
   * ({@code servedOn}, or the 7th day after the answer, hallintolaki 59 §), so a running appeal
   * period lasts at least as long. REVOKED: the approval is gone; the plan is a proposal again (04,
   * or 05 after a redisplay) and is decided anew.
   */
  @Transactional
  public RectificationAnswer answerRectification(
      long planId, String outcome, LocalDate answeredOn, LocalDate servedOn, String activityId) {
    PlanRow plan = plans.plan(planId);
    ZoningStage current = cases.get(ZoningPlanProcess.CASE, plan.businessKey()).stage();
    boolean appealPending = current == ZoningStage.RECTIFICATION_AND_APPEAL;
    ZoningStage next =
        switch (outcome == null ? "" : outcome) {
          case "KEPT" -> appealPending ? ZoningStage.APPEALED : ZoningStage.APPROVED;
          case "REVOKED" ->
              plan.displayRound() > 1 ? ZoningStage.REVISED_PROPOSAL : ZoningStage.PROPOSAL;
          default ->
              throw new DomainException(
                  Kind.INVALID,
                  "invalid-task-values",
                  "rectificationOutcome on KEPT tai REVOKED, ei " + outcome);
        };
    cases.enter(ZoningPlanProcess.CASE, plan.businessKey(), next, null, answeredOn, activityId);
    if (next != ZoningStage.APPROVED && next != ZoningStage.APPEALED) {
      return new RectificationAnswer(appealPending, null, null);
    }
    LocalDate served = servedOn != null ? servedOn : answeredOn.plusDays(7);
    LocalDate elinvoimakeskusEnds = workingDays.periodEnd(served, WorkingDays.APPEAL_DAYS);
    LocalDate appealEnds = plan.appealEndsOn();
    if (appealEnds != null && elinvoimakeskusEnds.isAfter(appealEnds)) {
      repository.appealPeriod(planId, plan.noticeDate(), elinvoimakeskusEnds);
      plans.changed(plan.businessKey());
      appealEnds = elinvoimakeskusEnds;
    }
    return new RectificationAnswer(appealPending, elinvoimakeskusEnds, appealEnds);
  }

  /**
   * When the registry's check that no appeal was lodged is due: the configured days after the
   * appeal period's last day (an appeal lodged on that day reaches the city later), on a working
   * day.
   */
  public LocalDate legalForceCheckDue(long planId) {
    return workingDays.onOrAfter(plans.plan(planId).appealEndsOn().plusDays(legalForceCheckDays));
  }
}
