package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code #{registerZoningPlan}}: the process's first step creates the plan's record, however the
 * process was started (API, Tasklist start form, engine REST). The business key was claimed (or
 * given, KAAVA-year-number) when the instance started ({@code CaseKeys}).
 */
@Component("registerZoningPlan")
class RegisterZoningPlanDelegate implements JavaDelegate {

  private final ZoningPlans plans;
  private final String measure;

  RegisterZoningPlanDelegate(
      ZoningPlans plans, @Value("${muutos.zoning.measure:}") String measure) {
    this.plans = plans;
    this.measure = measure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey(); // claimed at start (CaseKeys)
    Object significant = execution.getVariable(Vars.SIGNIFICANT);
    long planId =
        plans.register(
            businessKey,
            (String) execution.getVariable(Vars.PLAN_NAME),
            (String) execution.getVariable(Vars.PLAN_TYPE),
            Boolean.TRUE.equals(significant),
            (String) execution.getVariable(Vars.AREA),
            execution.getProcessInstanceId());
    execution.setVariable(Vars.PLAN_ID, planId);
    execution.setVariable(Vars.SIGNIFICANT, Boolean.TRUE.equals(significant));
    execution.setVariable(Vars.ZONING_MEASURE, measure);
  }
}
