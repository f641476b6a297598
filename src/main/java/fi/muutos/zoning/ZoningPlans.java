package fi.muutos.zoning;

import fi.muutos.cases.Case;
import fi.muutos.cases.Cases;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.MunicipalitySettings;
import fi.muutos.platform.ProcessVariable;
import fi.muutos.platform.WorkingDays;
import fi.muutos.zoning.ZoningPlanRepository.PlanRow;
import fi.muutos.zoning.ryhti.RyhtiStatuses;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The zoning plans' records: registration, stages with their Ryhti codes, statutory periods from
 * the working-day calendar. Called by the process's delegates, in the job's transaction.
 */
@Service
public class ZoningPlans {

  private final ZoningPlanRepository repository;
  private final Cases cases;
  private final WorkingDays workingDays;
  private final Clock clock;
  private final String delegatedApprover;
  private final String councilName;
  private final MunicipalitySettings municipality;
  private final int takeOverDays;
  private final Envelope areaBounds;
  private final ApplicationEventPublisher events;
  private final RyhtiStatuses ryhti;

  ZoningPlans(
      ZoningPlanRepository repository,
      Cases cases,
      WorkingDays workingDays,
      Clock clock,
      @Value("${muutos.zoning.delegated-approver}") String delegatedApprover,
      @Value("${muutos.zoning.council}") String councilName,
      @Value("${muutos.zoning.take-over-days:14}") int takeOverDays,
      @Value("${muutos.zoning.area.bounds:}") List<Double> areaBounds,
      MunicipalitySettings municipality,
      ApplicationEventPublisher events,
      RyhtiStatuses ryhti) {
    if (!areaBounds.isEmpty() && areaBounds.size() != 4) {
      throw new IllegalStateException(
          "muutos.zoning.area.bounds is four numbers (min east, min north, max east, max north in"
              + " ETRS-TM35FIN), not "
              + areaBounds);
    }
    this.areaBounds =
        areaBounds.isEmpty()
            ? null
            : new Envelope(
                areaBounds.get(0), areaBounds.get(2), areaBounds.get(1), areaBounds.get(3));
    this.events = events;
    this.ryhti = ryhti;
    for (String body : List.of(councilName, delegatedApprover)) {
      if (municipality.body(body).isEmpty()) {
        throw new IllegalStateException(
            "muutos.zoning names the body '"
                + body
                + "', which is not one of muutos.municipality.bodies "
                + municipality.bodies());
      }
    }
    this.municipality = municipality;
    this.takeOverDays = takeOverDays;
    this.repository = repository;
    this.cases = cases;
    this.workingDays = workingDays;
    this.clock = clock;
    this.delegatedApprover = delegatedApprover;
    this.councilName = councilName;
  }

  /** Registers a plan for a starting process instance; a retried start finds its own plan. */
  @Transactional
  public long register(
      String businessKey,
      String name,
      String type,
      boolean significant,
      String area,
      String areaGeoJson,
      String processInstanceId) {
    PlanType planType = planType(type);
    PlanArea geometry = PlanArea.parse(areaGeoJson, areaBounds);
    if (planType == PlanType.MINOR_DETAILED_PLAN_CHANGE && significant) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-plan",
          "Vaikutuksiltaan vähäinen asemakaavan muutos (AKL 52 §, MRA 27 §) ei voi olla "
              + "vaikutuksiltaan merkittävä (AKL 66 §): valitse asemakaava, tai poista "
              + "merkittävyys (a minor change is never significant).");
    }
    if (!cases.register(
        ZoningPlanProcess.CASE,
        businessKey,
        processInstanceId,
        name,
        ZoningStage.INITIATED,
        ZoningPlanProcess.Elements.START)) {
      return repository.findByBusinessKey(businessKey).orElseThrow().id();
    }
    long id = repository.insert(businessKey, planType, significant, area);
    if (geometry != null) {
      repository.area(id, geometry.json());
    }
    return id;
  }

  /** The stages until which a plan's area may still change: before its proposal is displayed. */
  private static final java.util.Set<ZoningStage> AREA_OPEN =
      java.util.EnumSet.of(ZoningStage.INITIATED, ZoningStage.ANNOUNCED, ZoningStage.DRAFT);

  /**
   * Gives the plan its area or changes it: until the proposal goes on display (what was displayed
   * is what is decided on); a plan that has none may get one at any stage, as Ryhti needs it.
   */
  @Transactional
  public ZoningPlanView changeArea(long planId, PlanArea area) {
    PlanRow plan = plan(planId);
    if (area == null) {
      throw new DomainException(
          Kind.INVALID, "invalid-area", "Aluerajaus puuttuu (a GeoJSON Polygon or MultiPolygon).");
    }
    Case<ZoningStage> current = cases.get(ZoningPlanProcess.CASE, plan.businessKey());
    if (plan.areaGeoJson() != null && !AREA_OPEN.contains(current.stage())) {
      throw new DomainException(
          Kind.CONFLICT,
          "area-fixed",
          "Kaavan "
              + plan.businessKey()
              + " aluerajausta ei voi enää muuttaa: ehdotus on ollut nähtävillä tällä rajauksella"
              + " ("
              + current.stage().label()
              + "; AKL 65 §).");
    }
    repository.area(planId, area.json());
    events.publishEvent(new ZoningRecordChanged(plan.businessKey()));
    return find(planId);
  }

  /** Parses and checks an area given as JSON against the municipality's bounds. */
  public PlanArea area(com.fasterxml.jackson.databind.JsonNode geoJson) {
    return PlanArea.of(geoJson, areaBounds);
  }

  /** A plan's stored area, if it has one. */
  @Transactional(readOnly = true)
  public java.util.Optional<PlanArea> storedArea(String businessKey) {
    return repository
        .findByBusinessKey(businessKey)
        .map(PlanRow::areaGeoJson)
        .map(PlanArea::stored);
  }

  /** The city's record number (diaarinumero) of the plan's matter, when the start gave one. */
  @Transactional
  public void recordNumber(long planId, String recordNumber) {
    cases.recordNumber(ZoningPlanProcess.CASE, plan(planId).businessKey(), recordNumber);
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
   * body the administrative regulation delegates it to, or the council itself. Returns or
   * rejections come from whoever handled the matter.
   */
  @Transactional
  public DecisionFacts checkDecision(
      long planId, String decisionBody, String outcome, LocalDate decidedOn, String section) {
    PlanRow plan = plan(planId);
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
    boolean byCouncil = decisionBody != null && decisionBody.strip().equalsIgnoreCase(councilName);
    if ("APPROVED".equals(outcome) || "REJECTED".equals(outcome)) {
      repository.decision(
          planId,
          decisionBody == null ? null : municipality.body(decisionBody).orElse(null),
          section == null || section.isBlank() ? null : section.strip());
    }
    if (!"APPROVED".equals(outcome)) {
      return new DecisionFacts(byCouncil, null);
    }
    String required = plan.approvingBody();
    String body = decisionBody == null ? "" : decisionBody.strip();
    boolean allowed =
        body.equalsIgnoreCase(councilName)
            || (!councilName.equals(required) && body.equalsIgnoreCase(delegatedApprover));
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
    return new DecisionFacts(
        byCouncil,
        byCouncil || decidedOn == null
            ? null
            : workingDays.endOf(workingDays.onOrAfter(decidedOn.plusDays(takeOverDays))));
  }

  /** Whether the plan's initiation was announced in the planning review (AKL 63 §). */
  @Transactional
  public void initiatedInReview(long planId, boolean inReview) {
    plan(planId);
    repository.initiatedInReview(planId, inReview);
  }

  /**
   * The draft went on display: the date is the legal date of the plan's drafting stage (03); its
   * last day, when the planner gave it, is kept with it (display round 0).
   */
  @Transactional
  public void draftDisplayed(long planId, LocalDate displayStart, LocalDate displayEnd) {
    String businessKey = plan(planId).businessKey();
    if (displayEnd != null && displayEnd.isBefore(displayStart)) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-display",
          "Luonnoksen nähtävilläolo ei voi päättyä ("
              + displayEnd
              + ") ennen kuin se alkaa ("
              + displayStart
              + ").");
    }
    repository.displayPeriod(businessKey, 0, displayStart, displayEnd, null, null);
    cases.dateStage(ZoningPlanProcess.CASE, businessKey, ZoningStage.DRAFT, displayStart);
  }

  /** Tells what mirrors the record (Ryhti) that the plan's record changed. */
  void changed(String businessKey) {
    events.publishEvent(new ZoningRecordChanged(businessKey));
  }

  /** The plan's displays (draft 0, proposal 1, revised 2..), in order. */
  @Transactional(readOnly = true)
  public List<DisplayPeriod> displays(String businessKey) {
    return repository.displays(businessKey);
  }

  /**
   * A display of the plan: its round (0 the draft), first and last day, and the decision that put
   * it on display, where one was recorded.
   */
  public record DisplayPeriod(
      int round, LocalDate startsOn, LocalDate endsOn, LocalDate decidedOn, String decidedBy) {}

  /** The municipality's bodies as choices for the registry's decision form (label and value). */
  public List<Map<String, String>> bodyChoices() {
    return municipality.bodies().stream()
        .map(body -> Map.of("label", body, "value", body))
        .toList();
  }

  /**
   * What a recorded decision means for the steps after it: whether the council made it (then the
   * board checks its legality, kuntalaki 96 §) and, for a delegated body's approval, when the
   * board's window to take the matter over ends (kuntalaki 92 §: {@code
   * muutos.zoning.take-over-days} after the decision, to a working day).
   */
  public record DecisionFacts(boolean byCouncil, OffsetDateTime takeOverEndsAt) {}

  /**
   * The approval does not stand: the board referred the council's decision back (kuntalaki 96 §) or
   * took a delegated body's decision over (kuntalaki 92 §). The plan is a proposal again (04, or 05
   * after a redisplay) and is decided anew.
   */
  @Transactional
  public void undoApproval(long planId, String activityId) {
    PlanRow plan = plan(planId);
    cases.enter(
        ZoningPlanProcess.CASE,
        plan.businessKey(),
        plan.displayRound() > 1 ? ZoningStage.REVISED_PROPOSAL : ZoningStage.PROPOSAL,
        null,
        null,
        activityId);
  }

  /** The plan enters a stage outside the model's own stage steps (suspended, resumed). */
  @Transactional
  public void enter(long planId, ZoningStage stage) {
    cases.enter(ZoningPlanProcess.CASE, plan(planId).businessKey(), stage, null, null, null);
  }

  /**
   * A display round that started: its number, the moment its period is over, and each requested
   * statement's deadline (authority → the moment its period is over).
   */
  public record Display(int round, OffsetDateTime endsAt, Map<String, String> statementDeadlines) {
    /** The authorities whose statements are requested, in the order given. */
    public List<String> authorities() {
      return List.copyOf(statementDeadlines.keySet());
    }
  }

  /**
   * Starts a (re)display of the proposal for the full period ({@code days}, from the DMN table).
   * The first round starts on {@code firstStart} and is the proposal (Ryhti 04); a later round is
   * the revised proposal (05), starts on {@code redisplayStart}, and not before the previous round
   * has ended (AKL 65 §, MRA 32 §: a changed proposal is displayed anew, the period in full).
   */
  @Transactional
  public Display startProposalDisplay(
      long planId,
      ProcessVariable<LocalDate> startVariable,
      LocalDate start,
      int days,
      String activityId,
      List<String> statementRequests,
      LocalDate decidedOn,
      String decidedBy) {
    PlanRow plan = plan(planId);
    int round = plan.displayRound() + 1;
    if (start == null) {
      throw new DomainException(
          Kind.INVALID, "invalid-display", startVariable.name() + " puuttuu (is required)");
    }
    if (round > 1 && !start.isAfter(plan.displayEndsOn())) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-display",
          "Muutettu ehdotus voi tulla nähtäville aikaisintaan edellisen nähtävilläolon "
              + "päätyttyä "
              + plan.displayEndsOn()
              + " ("
              + startVariable.name()
              + " "
              + start
              + "; AKL 65 §, MRA 32 §).");
    }
    LocalDate lastDay = workingDays.periodEnd(start, days);
    Map<String, LocalDate> dueDates = statementDueDates(statementRequests, start, lastDay);
    repository.display(planId, round, lastDay);
    repository.displayPeriod(plan.businessKey(), round, start, lastDay, decidedOn, decidedBy);
    Map<String, String> deadlines = new java.util.LinkedHashMap<>();
    dueDates.forEach(
        (authority, due) -> {
          repository.requestStatement(plan.businessKey(), round, authority, due);
          deadlines.put(authority, workingDays.endOf(due).toString());
        });
    cases.enter(
        ZoningPlanProcess.CASE,
        plan.businessKey(),
        round == 1 ? ZoningStage.PROPOSAL : ZoningStage.REVISED_PROPOSAL,
        null,
        start,
        activityId);
    return new Display(round, workingDays.endOf(lastDay), deadlines);
  }

  /**
   * The statement requests of a display round: "authority" (its statement is due on the display's
   * last day) or "authority=YYYY-MM-DD" (a period of its own, not ending before the display
   * starts). Each authority once.
   */
  static Map<String, LocalDate> statementDueDates(
      List<String> requests, LocalDate displayStart, LocalDate displayLastDay) {
    Map<String, LocalDate> due = new java.util.LinkedHashMap<>();
    for (String request : requests == null ? List.<String>of() : requests) {
      int at = request.lastIndexOf('=');
      String authority = (at < 0 ? request : request.substring(0, at)).strip();
      LocalDate date;
      try {
        date = at < 0 ? displayLastDay : LocalDate.parse(request.substring(at + 1).strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw new DomainException(
            Kind.INVALID,
            "invalid-display",
            "Lausuntopyynnön '" + request + "' määräaika ei ole päivämäärä VVVV-KK-PP.");
      }
      if (authority.isEmpty() || authority.length() > 400) {
        throw new DomainException(
            Kind.INVALID, "invalid-display", "Lausuntopyynnöltä '" + request + "' puuttuu taho.");
      }
      if (date.isBefore(displayStart)) {
        throw new DomainException(
            Kind.INVALID,
            "invalid-display",
            "Lausunnon määräaika "
                + date
                + " ("
                + authority
                + ") on ennen nähtävilläolon alkua "
                + displayStart
                + ".");
      }
      if (due.putIfAbsent(authority, date) != null) {
        throw new DomainException(
            Kind.INVALID,
            "invalid-display",
            "Lausuntoa pyydetään samalta taholta kahdesti: " + authority + ".");
      }
    }
    return due;
  }

  /** A requested statement arrived while its branch waited for it. */
  @Transactional
  public void statementReceived(long planId, String authority, LocalDate receivedOn) {
    PlanRow plan = plan(planId);
    repository.statementReceived(plan.businessKey(), plan.displayRound(), authority, receivedOn);
  }

  /**
   * A statement that arrived when no branch waited for it any more (after its period), or that no
   * one requested: recorded as late, shown to the planner, never lost.
   */
  @Transactional
  public void lateStatement(long planId, String authority, LocalDate receivedOn) {
    PlanRow plan = plan(planId);
    String who = authority == null || authority.isBlank() ? "(tuntematon)" : authority.strip();
    if (!repository.lateStatement(plan.businessKey(), who, receivedOn)) {
      repository.unrequestedStatement(
          plan.businessKey(), Math.max(plan.displayRound(), 0), who, receivedOn);
    }
  }

  /**
   * A reminder (muistutus) filed on {@code filedOn}: counted when the proposal was on display that
   * day (AKL 65 §: from the latest display's first day to its last); otherwise kept as a late
   * submission, shown to the planner and not counted. Returns whether it counted as a reminder.
   */
  @Transactional
  public boolean recordReminder(long planId, LocalDate filedOn) {
    PlanRow plan = plan(planId);
    // the latest display, whatever stage the plan is in now: a muistutus that reached the plan
    // after its display is judged by the day it was filed (ADR 0052)
    LocalDate displayStart =
        cases.stages(ZoningPlanProcess.CASE, plan.businessKey()).stream()
            .filter(
                s ->
                    (s.stage() == ZoningStage.PROPOSAL || s.stage() == ZoningStage.REVISED_PROPOSAL)
                        && s.legalDate() != null)
            .reduce((a, b) -> b)
            .map(fi.muutos.cases.StageEntry::legalDate)
            .orElse(null);
    boolean duringDisplay =
        displayStart != null
            && filedOn != null
            && !filedOn.isBefore(displayStart)
            && !filedOn.isAfter(plan.displayEndsOn());
    if (duringDisplay) {
      repository.addReminder(planId);
    } else {
      repository.addLateSubmission(planId);
    }
    return duringDisplay;
  }

  @Transactional(readOnly = true)
  public ZoningPlanView find(long planId) {
    return view(plan(planId));
  }

  /** The plan's id (what its facade answers a start with), without building its view. */
  @Transactional(readOnly = true)
  public long idOf(String businessKey) {
    return planId(businessKey)
        .orElseThrow(() -> new IllegalStateException("No plan " + businessKey));
  }

  /** The id of the plan with this business key, if it is a plan's. */
  @Transactional(readOnly = true)
  public java.util.Optional<Long> planId(String businessKey) {
    return repository.findByBusinessKey(businessKey).map(PlanRow::id);
  }

  @Transactional(readOnly = true)
  public ZoningPlanView findByBusinessKey(String businessKey) {
    return view(
        repository
            .findByBusinessKey(businessKey)
            .orElseThrow(
                () ->
                    new DomainException(
                        Kind.NOT_FOUND,
                        "plan-not-found",
                        "There is no plan with the business key " + businessKey + ".")));
  }

  @Transactional(readOnly = true)
  public List<ZoningPlanView> list(ZoningStage stage) {
    return cases.list(ZoningPlanProcess.CASE, stage).stream()
        .map(c -> view(repository.findByBusinessKey(c.businessKey()).orElseThrow(), c))
        .toList();
  }

  static PlanType planType(String type) {
    try {
      return PlanType.valueOf(type == null ? "" : type.strip());
    } catch (IllegalArgumentException e) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-plan",
          "Unknown plan type '" + type + "' (one of " + Arrays.toString(PlanType.values()) + ").");
    }
  }

  /** The plan's stored row; a 404 when there is none. */
  PlanRow plan(long planId) {
    return repository
        .find(planId)
        .orElseThrow(
            () ->
                new DomainException(
                    Kind.NOT_FOUND,
                    "plan-not-found",
                    "There is no plan with the id " + planId + "."));
  }

  private ZoningPlanView view(PlanRow p) {
    return view(p, cases.get(ZoningPlanProcess.CASE, p.businessKey()));
  }

  private ZoningPlanView view(PlanRow p, Case<ZoningStage> plan) {
    LocalDate nextDeadline =
        switch (plan.stage()) {
          case PROPOSAL, REVISED_PROPOSAL -> p.displayEndsOn();
          case APPROVED, RECTIFICATION_REQUESTED -> p.appealEndsOn();
          case APPEALED, RECTIFICATION_AND_APPEAL -> p.furtherAppealEndsOn();
          default -> null;
        };
    return new ZoningPlanView(
        p.id(),
        p.businessKey(),
        plan.name(),
        p.planType(),
        p.planType().label(),
        p.significant(),
        p.areaDescription(),
        plan.responsibleGroup(),
        plan.recordNumber(),
        plan.stage(),
        plan.stageLabel(),
        plan.stage().ryhtiCode(),
        plan.outcome(),
        plan.processInstanceId(),
        p.approvingBody(),
        p.displayRound(),
        p.displayEndsOn(),
        p.appealEndsOn(),
        p.noticeDate(),
        p.appealCourt() == null
            ? null
            : new ZoningPlanView.Court(
                p.appealCourt(), p.appealOutcome(), p.appealDecidedOn(), p.furtherAppealEndsOn()),
        nextDeadline,
        p.reminders(),
        p.lateSubmissions(),
        Math.max(
            0,
            ChronoUnit.DAYS.between(
                plan.stageSince().atZoneSameInstant(clock.getZone()).toLocalDate(),
                LocalDate.now(clock))),
        plan.createdAt(),
        cases.stages(ZoningPlanProcess.CASE, p.businessKey()).stream()
            .map(ZoningPlanView.StageEntry::of)
            .toList(),
        cases.backdatings(ZoningPlanProcess.CASE, p.businessKey()),
        repository.statements(p.businessKey()),
        p.initiatedInReview(),
        p.areaGeoJson() == null ? null : PlanArea.stored(p.areaGeoJson()).geometry(),
        p.decidedBy(),
        p.decisionSection(),
        ryhti.of(p.businessKey()),
        cases.filings(p.businessKey()),
        cases.modelVersion(plan.processInstanceId()));
  }
}
