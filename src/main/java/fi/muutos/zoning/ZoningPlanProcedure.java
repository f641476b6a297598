package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import fi.muutos.cases.CaseStarter;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The zoning procedure's facade: start a plan, cancel, suspend and resume it. Controllers call
 * this, never the engine directly.
 */
@Service
public class ZoningPlanProcedure {

  private final RuntimeService runtimeService;
  private final ZoningPlans plans;
  private final CaseStarter cases;

  ZoningPlanProcedure(RuntimeService runtimeService, ZoningPlans plans, CaseStarter cases) {
    this.runtimeService = runtimeService;
    this.plans = plans;
    this.cases = cases;
  }

  /** A started plan. */
  public record Started(long planId, String businessKey, String processInstanceId) {}

  /** Starts a plan (see {@link CaseStarter}: key, record and instance). */
  public Started start(StartPlan command) {
    return cases.start(
        ZoningPlanProcess.KEY,
        command.businessKey(),
        command.variables(),
        (key, instanceId) -> new Started(plans.idOf(key), key, instanceId));
  }

  /** A plan the approving body has approved: only that body's decision revokes it. */
  private static final java.util.Set<ZoningStage> APPROVED_OR_LATER =
      java.util.EnumSet.of(
          ZoningStage.APPROVED,
          ZoningStage.RECTIFICATION_REQUESTED,
          ZoningStage.APPEALED,
          ZoningStage.RECTIFICATION_AND_APPEAL,
          ZoningStage.PARTLY_IN_FORCE,
          ZoningStage.IN_FORCE_BEFORE_LEGAL_FORCE,
          ZoningStage.LEGALLY_BINDING,
          ZoningStage.IN_FORCE);

  /**
   * Cancels a plan before its approval: it lapses (Ryhti 15). After the approval only the approving
   * body's decision revokes it (a cancellation event from the meeting system): 409.
   */
  @Transactional
  public ZoningPlanView cancel(long planId, String reason) {
    ZoningPlanView plan = running(planId);
    if (APPROVED_OR_LATER.contains(plan.stage())) {
      throw new DomainException(
          Kind.CONFLICT,
          "plan-approved",
          "Kaava "
              + plan.businessKey()
              + " on hyväksytty: sen voi kumota vain hyväksyjä päätöksellään (valtuuston "
              + "päätös kokousjärjestelmästä), ei kaavoittaja (the approving body's decision "
              + "revokes an approved plan).");
    }
    try {
      runtimeService
          .createMessageCorrelation(ZoningPlanProcess.Messages.CANCELLED)
          .processInstanceId(plan.processInstanceId())
          .setVariable(Vars.CANCELLATION_REASON.name(), reason)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new DomainException(
          Kind.CONFLICT,
          "plan-not-cancellable",
          "Plan " + plan.businessKey() + " cannot be cancelled now (is it suspended?).");
    }
    return plans.find(planId);
  }

  /**
   * Suspends a plan in preparation (Ryhti 17): the engine holds its instance, timers included. An
   * approved plan is not a planning process any more: it is not suspended (issue 34, N4).
   */
  @Transactional
  public ZoningPlanView suspend(long planId) {
    ZoningPlanView plan = running(planId);
    if (plan.stage() == ZoningStage.SUSPENDED) {
      return plan;
    }
    if (APPROVED_OR_LATER.contains(plan.stage())) {
      throw new DomainException(
          Kind.CONFLICT,
          "plan-approved",
          "Kaava "
              + plan.businessKey()
              + " on hyväksytty ("
              + plan.stage().label()
              + "): keskeyttää voi vain valmisteltavan kaavan (a plan is suspended only before"
              + " its approval).");
    }
    runtimeService.suspendProcessInstanceById(plan.processInstanceId());
    plans.enter(planId, ZoningStage.SUSPENDED);
    return plans.find(planId);
  }

  /** Resumes a suspended plan in the stage it had before. */
  @Transactional
  public ZoningPlanView resume(long planId) {
    ZoningPlanView plan = running(planId);
    if (plan.stage() != ZoningStage.SUSPENDED) {
      throw new DomainException(
          Kind.CONFLICT, "plan-not-suspended", "Plan " + plan.businessKey() + " is not suspended.");
    }
    runtimeService.activateProcessInstanceById(plan.processInstanceId());
    ZoningStage before =
        plan.stages().stream()
            .map(ZoningPlanView.StageEntry::stage)
            .filter(s -> s != ZoningStage.SUSPENDED)
            .reduce((a, b) -> b)
            .orElse(ZoningStage.INITIATED);
    plans.enter(planId, before);
    return plans.find(planId);
  }

  private ZoningPlanView running(long planId) {
    ZoningPlanView plan = plans.find(planId);
    if (plan.outcome() != null
        || runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(plan.processInstanceId())
                .count()
            == 0) {
      throw new DomainException(
          Kind.CONFLICT,
          "plan-ended",
          "Plan " + plan.businessKey() + " has ended (" + plan.stage().label() + ").");
    }
    return plan;
  }
}
