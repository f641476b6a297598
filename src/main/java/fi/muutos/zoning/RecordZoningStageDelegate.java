package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code #{recordZoningStage}}: the plan enters a stage. Input parameters: {@code stage} (a {@link
 * ZoningStage} name), optional {@code outcome} (IN_FORCE, CANCELLED, ANNULLED, REJECTED).
 */
@Component("recordZoningStage")
class RecordZoningStageDelegate implements JavaDelegate {

  private final ZoningPlans plans;

  RecordZoningStageDelegate(ZoningPlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object outcome = execution.getVariableLocal("outcome");
    plans.recordStage(
        (Long) execution.getVariable(Vars.PLAN_ID),
        ZoningStage.valueOf((String) execution.getVariableLocal("stage")),
        outcome == null ? null : outcome.toString(),
        execution.getCurrentActivityId());
  }
}
