package fi.muutos.zoning;

import fi.muutos.cases.Case;
import fi.muutos.cases.CaseCorrections;
import fi.muutos.cases.Cases;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.zoning.ZoningPlanRepository.PlanRow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The zoning plans' records: registration, the area, the stages a plan enters outside its model's
 * stage steps, and what the API shows of a plan. The displays and statements are {@link
 * ZoningDisplays}', the decisions {@link ZoningDecisions}'. Called by the process's delegates, in
 * the job's transaction.
 */
@Service
public class ZoningPlans {

  private final ZoningPlanRepository repository;
  private final Cases cases;
  private final Clock clock;
  private final Envelope areaBounds;
  private final ApplicationEventPublisher events;
  private final PlanRegister ryhti;

  private final CaseCorrections corrections;

  ZoningPlans(
      ZoningPlanRepository repository,
      Cases cases,
      Clock clock,
      ZoningSettings settings,
      ApplicationEventPublisher events,
      PlanRegister ryhti,
      CaseCorrections corrections) {
    this.repository = repository;
    this.corrections = corrections;
    this.cases = cases;
    this.clock = clock;
    this.areaBounds = settings.areaBounds();
    this.events = events;
    this.ryhti = ryhti;
  }

  /** Registers a plan for a starting process instance; a retried start finds its own plan. */
  @Transactional
  public long register(StartPlan start, String processInstanceId) {
    String businessKey = start.businessKey();
    PlanType planType = start.type();
    PlanArea geometry = PlanArea.parse(start.areaGeoJson(), areaBounds);
    if (planType == PlanType.MINOR_DETAILED_PLAN_CHANGE && start.significant()) {
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
        start.name(),
        ZoningStage.INITIATED,
        ZoningPlanProcess.Elements.START)) {
      return repository.findByBusinessKey(businessKey).orElseThrow().id();
    }
    long id =
        repository.insert(businessKey, planType, start.significant(), start.areaDescription());
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

  /** Whether the plan's initiation was announced in the planning review (AKL 63 §). */
  @Transactional
  public void initiatedInReview(long planId, boolean inReview) {
    plan(planId);
    repository.initiatedInReview(planId, inReview);
  }

  /** Tells what mirrors the record (Ryhti) that the plan's record changed. */
  void changed(String businessKey) {
    events.publishEvent(new ZoningRecordChanged(businessKey));
  }

  /**
   * A legal date of the plan's record was entered wrong: the registry corrects it (the stage's
   * latest entry), with its reason; the correction is an act of its own on the record and the plan
   * goes to Ryhti again (issue 34, N10).
   */
  @Transactional
  public ZoningPlanView correctLegalDate(
      long planId, ZoningStage stage, LocalDate date, String reason, String user) {
    PlanRow p = plan(planId);
    if (stage == null || date == null || reason == null || reason.isBlank()) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-correction",
          "Korjauksessa on vaihe (stage), oikea päivä (legalDate) ja perustelu (reason).");
    }
    if (date.isAfter(LocalDate.now(clock))) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-correction",
          "Oikea päivä " + date + " on tulevaisuudessa: korjataan tapahtunutta päivää.");
    }
    corrections.correctLegalDate(
        ZoningPlanProcess.CASE, p.businessKey(), stage, date, reason.strip(), user);
    changed(p.businessKey());
    return find(planId);
  }

  /** The plan enters a stage outside the model's own stage steps (suspended, resumed). */
  @Transactional
  public void enter(long planId, ZoningStage stage) {
    cases.enter(ZoningPlanProcess.CASE, plan(planId).businessKey(), stage, null, null, null);
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
    return view(row(businessKey));
  }

  /** The stored row of the plan with this business key; a 404 when there is none. */
  private PlanRow row(String businessKey) {
    return repository
        .findByBusinessKey(businessKey)
        .orElseThrow(
            () ->
                new DomainException(
                    Kind.NOT_FOUND,
                    "plan-not-found",
                    "Kaavaa "
                        + businessKey
                        + " ei ole (there is no plan with the business key "
                        + businessKey
                        + ")."));
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
          "Tuntematon kaavalaji '"
              + type
              + "' (yksi näistä, one of "
              + Arrays.toString(PlanType.values())
              + ").");
    }
  }

  /** The plan as the national register's adapter reads it ({@link PlanForRegister}). */
  @Transactional(readOnly = true)
  public PlanForRegister forRegister(String businessKey) {
    PlanRow p = row(businessKey);
    Case<ZoningStage> plan = cases.get(ZoningPlanProcess.CASE, businessKey);
    return new PlanForRegister(
        p.id(),
        businessKey,
        plan.name(),
        p.planType(),
        plan.stage(),
        plan.recordNumber(),
        p.noticeDate(),
        p.decidedBy(),
        p.decisionSection(),
        stages(businessKey));
  }

  private List<ZoningPlanView.StageEntry> stages(String businessKey) {
    return cases.stages(ZoningPlanProcess.CASE, businessKey).stream()
        .map(ZoningPlanView.StageEntry::of)
        .toList();
  }

  /** The plan's stored row; a 404 when there is none. */
  PlanRow plan(long planId) {
    return repository.require(planId);
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
        stages(p.businessKey()),
        cases.backdatings(ZoningPlanProcess.CASE, p.businessKey()),
        corrections.corrections(ZoningPlanProcess.CASE, p.businessKey()),
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
