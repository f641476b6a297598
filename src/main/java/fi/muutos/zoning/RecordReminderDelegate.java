package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code #{recordReminder}}: a reminder (muistutus) was filed against the plan. */
@Component("recordReminder")
class RecordReminderDelegate implements JavaDelegate {

  private final ZoningPlans plans;

  RecordReminderDelegate(ZoningPlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    plans.recordReminder((Long) execution.getVariable(Vars.PLAN_ID));
  }
}
