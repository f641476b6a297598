package fi.muutos.ryhti;

import fi.muutos.cases.CaseStageRecorded;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.ryhti.RyhtiMessages.Message;
import fi.muutos.ryhti.RyhtiRepository.Row;
import fi.muutos.zoning.PlanForRegister;
import fi.muutos.zoning.ZoningPlanProcess;
import fi.muutos.zoning.ZoningPlans;
import fi.muutos.zoning.ZoningRecordChanged;
import fi.muutos.zoning.ZoningStage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues Ryhti's messages in the transaction that records what they say (the outbox): the
 * identifier's reservation when a plan is registered, the plan matter with its first phase when it
 * is announced, then a phase each time it enters a stage or its record changes. A message for a
 * plan Ryhti does not know yet (never announced) is not queued. A corrected record sends again what
 * Ryhti refused.
 */
@Service
public class RyhtiQueue {

  static final String RESERVE = "RESERVE";
  static final String MATTER = "MATTER";
  static final String PHASE = "PHASE";

  private final RyhtiRepository repository;
  private final RyhtiMessages messages;
  private final ZoningPlans plans;
  private final Clock clock;

  RyhtiQueue(RyhtiRepository repository, RyhtiMessages messages, ZoningPlans plans, Clock clock) {
    this.repository = repository;
    this.messages = messages;
    this.plans = plans;
    this.clock = clock;
  }

  @EventListener
  void stageRecorded(CaseStageRecorded recorded) {
    if (!ZoningPlanProcess.KEY.equals(recorded.processKey())) {
      return;
    }
    ZoningStage stage = ZoningStage.valueOf(recorded.stage());
    String businessKey = recorded.businessKey();
    if (stage == ZoningStage.INITIATED) {
      // the case is registered before the plan's own row exists: the reservation needs only the key
      if (!repository.queued(businessKey, RESERVE)) {
        queue(businessKey, RESERVE, null, messages.reservation(businessKey));
      }
      return;
    }
    PlanForRegister plan = plans.forRegister(businessKey);
    if (!repository.queued(businessKey, MATTER)) {
      boolean announced = plan.stages().stream().anyMatch(s -> s.stage() == ZoningStage.ANNOUNCED);
      if (!announced) {
        return; // never announced: Ryhti has no plan matter for it
      }
      if (!repository.queued(businessKey, RESERVE)) {
        // a plan under way before delivery was installed: it is reserved now
        queue(businessKey, RESERVE, null, messages.reservation(businessKey));
      }
      queue(plan, MATTER, ZoningStage.INITIATED, messages.matter(plan));
    }
    queue(plan, PHASE, stage, messages.phase(plan, stage));
  }

  @EventListener
  void recordChanged(ZoningRecordChanged changed) {
    PlanForRegister plan = plans.forRegister(changed.businessKey());
    resend(plan);
    if (plan.stage() != ZoningStage.INITIATED && repository.queued(plan.businessKey(), MATTER)) {
      queue(plan, PHASE, plan.stage(), messages.phase(plan, plan.stage()));
    }
  }

  /**
   * What Ryhti refused of this plan (and what waits with a problem of our own check) is built again
   * from the record as it is now and sent again (the planner corrected the record). Returns how
   * many messages go again.
   */
  @Transactional
  public int resend(String businessKey) {
    return resend(plans.forRegister(businessKey));
  }

  /** One message sent again now: a refused one built anew, or a waiting one without its wait. */
  @Transactional
  public void retry(long id) {
    Row row =
        repository
            .find(id)
            .orElseThrow(
                () ->
                    new DomainException(
                        Kind.NOT_FOUND,
                        "delivery-not-found",
                        "Ryhti-sanomaa " + id + " ei ole (no Ryhti message " + id + ")."));
    if (!"REJECTED".equals(row.state()) && !"PENDING".equals(row.state())) {
      throw new DomainException(
          Kind.CONFLICT,
          "delivery-done",
          "Ryhti-sanoma " + id + " on jo " + row.state() + ": sitä ei lähetetä uudelleen.");
    }
    rebuild(plans.forRegister(row.businessKey()), row);
  }

  private int resend(PlanForRegister plan) {
    int again = 0;
    for (Row row : repository.correctable(plan.businessKey())) {
      rebuild(plan, row);
      again++;
    }
    return again;
  }

  private void rebuild(PlanForRegister plan, Row row) {
    Message message =
        switch (row.kind()) {
          case RESERVE -> messages.reservation(plan.businessKey());
          case MATTER -> messages.matter(plan);
          default -> messages.phase(plan, RyhtiCodes.phase(row.lifecycleCode()).stage());
        };
    repository.resend(row.id(), message.body().toString(), message.problems(), now());
  }

  private void queue(PlanForRegister plan, String kind, ZoningStage stage, Message message) {
    queue(plan.businessKey(), kind, stage, message);
  }

  private void queue(String businessKey, String kind, ZoningStage stage, Message message) {
    String code = stage == null ? null : stage.ryhtiCode();
    repository.supersedeRejected(businessKey, kind, code);
    repository.insert(
        businessKey,
        kind,
        code,
        code == null ? null : RyhtiMessages.phaseKey(businessKey, code),
        message.body().toString(),
        message.problems(),
        now());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
