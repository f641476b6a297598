package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code #{applyZoningVariant}}: records the approving body the DMN table chose, by name (the
 * delegated body is configuration: muutos.zoning.delegated-approver).
 */
@Component("applyZoningVariant")
class ApplyZoningVariantDelegate implements JavaDelegate {

  private final ZoningPlans plans;

  ApplyZoningVariantDelegate(ZoningPlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String body = (String) execution.getVariable(Vars.APPROVING_BODY);
    execution.setVariable(
        Vars.APPROVING_BODY_NAME,
        plans.approvingBody((Long) execution.getVariable(Vars.PLAN_ID), body));
  }
}
