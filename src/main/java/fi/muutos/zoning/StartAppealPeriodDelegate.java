package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code #{startAppealPeriod}}: sets {@code appealPeriodEndsAt} from the notice's date. */
@Component("startAppealPeriod")
class StartAppealPeriodDelegate implements JavaDelegate {

  private final ZoningPlans plans;

  StartAppealPeriodDelegate(ZoningPlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        Vars.APPEAL_PERIOD_ENDS_AT,
        plans
            .startAppealPeriod(
                (Long) execution.getVariable(Vars.PLAN_ID),
                LocalDate.parse((String) execution.getVariable(Vars.NOTICE_DATE)))
            .toString());
  }
}
