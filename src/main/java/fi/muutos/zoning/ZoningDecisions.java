package fi.muutos.zoning;

import fi.muutos.cases.Cases;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.MunicipalitySettings;
import fi.muutos.platform.WorkingDays;
import fi.muutos.zoning.ZoningPlanRepository.PlanRow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's decisions: which body approves it (the DMN table's variant, the municipality's
 * bodies), whether a recorded decision may stand (its date, its body: AKL 37 §, 52 §, 65 §), what
 * follows it (the council's legality check, kuntalaki 96 §; the board's window to take a delegated
 * decision over, 92 §), and an approval that does not stand. Called by the process's delegates, in
 * the engine's transaction.
 */
@Service
public class ZoningDecisions {

  private final ZoningPlanRepository repository;
  private final Cases cases;
  private final WorkingDays workingDays;
  private final Clock clock;
  private final MunicipalitySettings municipality;
  private final String councilName;
  private final String delegatedApprover;
  private final String board;

  ZoningDecisions(
      ZoningPlanRepository repository,
      Cases cases,
      WorkingDays workingDays,
      Clock clock,
      MunicipalitySettings municipality,
      ZoningSettings settings) {
    this.repository = repository;
    this.cases = cases;
    this.workingDays = workingDays;
    this.clock = clock;
    this.municipality = municipality;
    this.councilName = settings.council();
    this.delegatedApprover = settings.delegatedApprover();
    this.board = settings.board();
  }

  /** The approving body's name for the DMN table's COUNCIL / DELEGATED; recorded on the plan. */
  @Transactional
  public String approvingBody(long planId, String approvingBody) {
    String name = "COUNCIL".equals(approvingBody) ? councilName : delegatedApprover;
    repository.approvingBody(planId, name);
    return name;
  }

  /**
   * An approval must come from a body that may approve this plan: the council where the variant
   * requires it (a master plan, AKL 37 §; a significant detailed plan, AKL 52 §), otherwise the
   * body the administrative regulation delegates it to, or the council itself. After the board took
   * the matter over (kuntalaki 92 §) only the board decides it, approval or rejection. The council
   * decides on the board's proposal, not before it (kuntalaki 39 §). Returns or rejections come
   * from whoever handled the matter. Returns whether the council decided.
   */
  @Transactional
  public boolean checkDecision(
      long planId,
      String decisionBody,
      String outcome,
      LocalDate decidedOn,
      String section,
      boolean takenOver,
      LocalDate boardProposed) {
    PlanRow plan = repository.require(planId);
    if (decidedOn != null
        && boardProposed != null
        && decisionBody != null
        && decisionBody.strip().equalsIgnoreCase(councilName)
        && decidedOn.isBefore(boardProposed)) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-decision",
          "Valtuusto päättää hallituksen ehdotuksesta: päätös "
              + decidedOn
              + " on ennen hallituksen ehdotusta "
              + boardProposed
              + " (kuntalaki 39 §; decisionDate).");
    }
    if (decidedOn != null && decidedOn.isAfter(LocalDate.now(clock))) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-decision",
          "Päätöspäivä " + decidedOn + " on tulevaisuudessa: päätös kirjataan, kun se on tehty.");
    }
    if (decidedOn != null
        && plan.displayEndsOn() != null
        && !decidedOn.isAfter(plan.displayEndsOn())) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-decision",
          "Kaavasta voidaan päättää vasta ehdotuksen nähtävilläolon päätyttyä "
              + plan.displayEndsOn()
              + " (decisionDate "
              + decidedOn
              + "; AKL 65 §).");
    }
    if (decisionBody != null && municipality.body(decisionBody).isEmpty()) {
      throw new DomainException(
          Kind.INVALID,
          "wrong-approving-body",
          "Päättävä toimielin '"
              + decisionBody
              + "' ei ole kunnan toimielin; toimielimet: "
              + String.join(", ", municipality.bodies())
              + " (decisionBody).");
    }
    String body = decisionBody == null ? "" : decisionBody.strip();
    boolean byCouncil = body.equalsIgnoreCase(councilName);
    boolean decides = "APPROVED".equals(outcome) || "REJECTED".equals(outcome);
    if (takenOver && decides && !body.equalsIgnoreCase(board)) {
      throw new DomainException(
          Kind.INVALID,
          "wrong-approving-body",
          board
              + " otti asian käsiteltäväkseen, joten asian ratkaisee "
              + board
              + ", ei "
              + (body.isEmpty() ? "nimeämätön toimielin" : body)
              + " (after a take-over the board decides; kuntalaki 92 §; decisionBody).");
    }
    if (decides) {
      repository.decision(
          planId,
          decisionBody == null ? null : municipality.body(decisionBody).orElse(null),
          section == null || section.isBlank() ? null : section.strip());
    }
    if (!"APPROVED".equals(outcome) || takenOver) {
      return byCouncil;
    }
    String required = plan.approvingBody();
    boolean allowed =
        byCouncil || (!councilName.equals(required) && body.equalsIgnoreCase(delegatedApprover));
    if (!allowed) {
      throw new DomainException(
          Kind.INVALID,
          "wrong-approving-body",
          "Kaavan hyväksyy "
              + required
              + (councilName.equals(required) ? "" : " tai " + councilName)
              + ", ei "
              + (body.isEmpty() ? "nimeämätön toimielin" : body)
              + " (AKL 37 §, 52 §; decisionBody).");
    }
    return byCouncil;
  }

  /**
   * The board takes a decision over (kuntalaki 92 §): only the board, only a decision of a body
   * below it (not the council's, not its own), dated not before that decision and at the latest on
   * the last day of the oikaisuvaatimus period: the minutes' publication + 7 days (deemed received,
   * 140 §) + 14 days, moved to a working day. Before the minutes are published the period has not
   * started, so a take-over is in time.
   */
  public void checkTakeOver(
      String businessKey,
      String decidedBy,
      LocalDate decidedOn,
      LocalDate minutesPublished,
      String takeOverBody,
      LocalDate takeOverDate) {
    String decider = decidedBy == null ? "" : decidedBy.strip();
    if (decider.equalsIgnoreCase(councilName) || decider.equalsIgnoreCase(board)) {
      throw new DomainException(
          Kind.CONFLICT,
          "not-taken-over",
          "Kaavan "
              + businessKey
              + " päätti "
              + decider
              + ": otto-oikeus koskee vain hallitusta alempien toimielinten ja viranhaltijoiden"
              + " päätöksiä, ei valtuuston eikä hallituksen omia (kuntalaki 92 §; only a subordinate"
              + " body's decision is taken over).");
    }
    String taker = takeOverBody == null ? "" : takeOverBody.strip();
    if (!taker.equalsIgnoreCase(board)) {
      throw new DomainException(
          Kind.INVALID,
          "not-taken-over",
          "Asian ottaa käsiteltäväksi " + board + ", ei " + taker + " (kuntalaki 92 §; body).");
    }
    if (takeOverDate != null && decidedOn != null && takeOverDate.isBefore(decidedOn)) {
      throw new DomainException(
          Kind.INVALID,
          "not-taken-over",
          "Ottopäätös "
              + takeOverDate
              + " on ennen päätöstä, jonka se ottaa käsiteltäväksi ("
              + decidedOn
              + ").");
    }
    if (minutesPublished != null && takeOverDate != null) {
      LocalDate lastDay = takeOverLastDay(minutesPublished);
      if (takeOverDate.isAfter(lastDay)) {
        throw new DomainException(
            Kind.CONFLICT,
            "take-over-too-late",
            "Otto-oikeuden aika päättyi "
                + lastDay
                + " (pöytäkirja nähtävillä "
                + minutesPublished
                + " + 7 + 14 päivää, kuntalaki 92 §, 140 §): ottopäätös "
                + takeOverDate
                + " on myöhässä, päätös pysyy (the take-over period is over).");
      }
    }
  }

  /** The last day the board may take a decision whose minutes were published on the day over. */
  public LocalDate takeOverLastDay(LocalDate minutesPublished) {
    return workingDays.periodEnd(
        minutesPublished.plusDays(WorkingDays.NOTICE_RECEIVED_AFTER_DAYS), TAKE_OVER_DAYS);
  }

  /** The oikaisuvaatimus period (kuntalaki 134 §), within which the board may take over (92 §). */
  static final int TAKE_OVER_DAYS = 14;

  /** The municipality's bodies as choices for the registry's decision form (label and value). */
  public List<Map<String, String>> bodyChoices() {
    return municipality.bodies().stream()
        .map(body -> Map.of("label", body, "value", body))
        .toList();
  }

  /**
   * The approval does not stand: the board referred the council's decision back (kuntalaki 96 §) or
   * took a delegated body's decision over (kuntalaki 92 §). The plan is a proposal again (04, or 05
   * after a redisplay) and is decided anew.
   */
  @Transactional
  public void undoApproval(long planId, String activityId) {
    PlanRow plan = repository.require(planId);
    cases.enter(
        ZoningPlanProcess.CASE,
        plan.businessKey(),
        plan.displayRound() > 1 ? ZoningStage.REVISED_PROPOSAL : ZoningStage.PROPOSAL,
        null,
        null,
        activityId);
  }

  /** The stages in which the approving body's decision still governs the plan (06 to 11). */
  private static final java.util.Set<ZoningStage> APPROVED_NOT_FINAL =
      java.util.EnumSet.of(
          ZoningStage.APPROVED,
          ZoningStage.RECTIFICATION_REQUESTED,
          ZoningStage.APPEALED,
          ZoningStage.RECTIFICATION_AND_APPEAL,
          ZoningStage.PARTLY_IN_FORCE,
          ZoningStage.IN_FORCE_BEFORE_LEGAL_FORCE);

  /**
   * Whether a plan may end now (issue 34, N4). Before its approval it lapses (Ryhti 15) on the
   * planner's or the meeting system's word. After it, only the approving body's decision revokes it
   * (the body that approved it, or the council; with its date), and only until legal force: a plan
   * in legal force (12, 13) is repealed or changed only by a new plan.
   */
  @Transactional(readOnly = true)
  public void checkRevocation(long planId, String body, LocalDate decidedOn) {
    PlanRow plan = repository.require(planId);
    ZoningStage stage = cases.get(ZoningPlanProcess.CASE, plan.businessKey()).stage();
    if (stage == ZoningStage.LEGALLY_BINDING || stage == ZoningStage.IN_FORCE) {
      throw new DomainException(
          Kind.CONFLICT,
          "plan-in-force",
          "Kaava "
              + plan.businessKey()
              + " on lainvoimainen ("
              + stage.label()
              + "): sen voi kumota tai muuttaa vain uudella kaavalla, ei perumalla (a plan in"
              + " legal force is repealed or changed only by a new plan).");
    }
    if (!APPROVED_NOT_FINAL.contains(stage)) {
      return; // before the approval: the plan lapses
    }
    String decider = body == null ? "" : body.strip();
    if (decider.isEmpty() || decidedOn == null) {
      throw new DomainException(
          Kind.INVALID,
          "plan-approved",
          "Kaava "
              + plan.businessKey()
              + " on hyväksytty: sen kumoaa vain hyväksyjän päätös, ja perumisesta puuttuu"
              + " päättänyt toimielin tai päätöspäivä (the approving body's decision revokes an"
              + " approved plan: body and date).");
    }
    if (!decider.equalsIgnoreCase(councilName)
        && !decider.equalsIgnoreCase(String.valueOf(plan.approvingBody()))) {
      throw new DomainException(
          Kind.INVALID,
          "wrong-approving-body",
          "Kaavan "
              + plan.businessKey()
              + " hyväksymisen voi kumota vain "
              + plan.approvingBody()
              + (councilName.equals(plan.approvingBody()) ? "" : " tai " + councilName)
              + ", ei "
              + decider
              + " (only the approving body revokes its approval).");
    }
  }
}
