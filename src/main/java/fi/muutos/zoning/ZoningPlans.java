package fi.muutos.zoning;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.WorkingDays;
import fi.muutos.zoning.ZoningPlanRepository.PlanRow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The zoning plans' records: registration, stages with their Ryhti codes, statutory periods from
 * the working-day calendar. Called by the process's delegates, in the job's transaction.
 */
@Service
public class ZoningPlans {

  private final ZoningPlanRepository repository;
  private final WorkingDays workingDays;
  private final Clock clock;
  private final String delegatedApprover;
  private final String councilName;

  ZoningPlans(
      ZoningPlanRepository repository,
      WorkingDays workingDays,
      Clock clock,
      @Value("${muutos.zoning.delegated-approver}") String delegatedApprover,
      @Value("${muutos.zoning.council}") String councilName) {
    this.repository = repository;
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
      String processInstanceId) {
    if (name == null || name.isBlank()) {
      throw new DomainException(Kind.INVALID, "invalid-plan", "A plan needs a name (planName).");
    }
    PlanType planType = planType(type);
    var existing = repository.findByBusinessKey(businessKey);
    if (existing.isPresent()) {
      if (processInstanceId.equals(existing.get().processInstanceId())) {
        return existing.get().id();
      }
      throw new DomainException(
          Kind.CONFLICT,
          "duplicate-business-key",
          "A plan with the business key " + businessKey + " exists already.");
    }
    long id =
        repository.insert(
            businessKey,
            name.strip(),
            planType,
            significant,
            area,
            "kaavoitus",
            processInstanceId,
            now());
    repository.stage(id, ZoningStage.INITIATED, null, now(), ZoningPlanProcess.Elements.START);
    return id;
  }

  /** The approving body's name for the DMN table's COUNCIL / DELEGATED; recorded on the plan. */
  @Transactional
  public String approvingBody(long planId, String approvingBody) {
    String name = "COUNCIL".equals(approvingBody) ? councilName : delegatedApprover;
    repository.approvingBody(planId, name);
    return name;
  }

  @Transactional
  public void recordStage(long planId, ZoningStage stage, String outcome, String activityId) {
    plan(planId);
    repository.stage(planId, stage, outcome, now(), activityId);
  }

  /**
   * Starts a (re)display of the proposal: the stage is the proposal (first round) or the revised
   * proposal (later rounds); returns the moment the display period is over.
   */
  @Transactional
  public OffsetDateTime startProposalDisplay(
      long planId, LocalDate start, int days, String activityId) {
    PlanRow plan = plan(planId);
    int round = plan.displayRound() + 1;
    LocalDate lastDay = workingDays.periodEnd(start, days);
    repository.display(planId, round, lastDay);
    repository.stage(
        planId,
        round == 1 ? ZoningStage.PROPOSAL : ZoningStage.REVISED_PROPOSAL,
        null,
        now(),
        activityId);
    return workingDays.endOf(lastDay);
  }

  /**
   * The appeal period after the approval notice: the notice is deemed received on the 7th day after
   * publication, then 30 days, moved to the next working day. Returns when it is over.
   */
  @Transactional
  public OffsetDateTime startAppealPeriod(long planId, LocalDate noticePublished) {
    plan(planId);
    LocalDate lastDay = workingDays.appealPeriodEnd(noticePublished);
    repository.appealEndsOn(planId, lastDay);
    return workingDays.endOf(lastDay);
  }

  @Transactional
  public void recordReminder(long planId) {
    plan(planId);
    repository.addReminder(planId);
  }

  @Transactional(readOnly = true)
  public ZoningPlanView find(long planId) {
    return view(plan(planId));
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
    return repository.list(stage).stream().map(this::view).toList();
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

  private PlanRow plan(long planId) {
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
    List<ZoningPlanView.StageEntry> stages = repository.stages(p.id());
    OffsetDateTime since =
        stages.isEmpty() ? p.createdAt() : stages.get(stages.size() - 1).enteredAt();
    LocalDate nextDeadline =
        switch (p.stage()) {
          case PROPOSAL, REVISED_PROPOSAL -> p.displayEndsOn();
          case APPROVED -> p.appealEndsOn();
          default -> null;
        };
    return new ZoningPlanView(
        p.id(),
        p.businessKey(),
        p.name(),
        p.type(),
        p.type().label(),
        p.significant(),
        p.areaDescription(),
        p.responsibleGroup(),
        p.stage(),
        p.stage().label(),
        p.stage().ryhtiCode(),
        p.outcome(),
        p.processInstanceId(),
        p.approvingBody(),
        p.displayRound(),
        p.displayEndsOn(),
        p.appealEndsOn(),
        nextDeadline,
        p.reminders(),
        Math.max(
            0,
            ChronoUnit.DAYS.between(
                since.atZoneSameInstant(clock.getZone()).toLocalDate(), LocalDate.now(clock))),
        p.createdAt(),
        stages);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
