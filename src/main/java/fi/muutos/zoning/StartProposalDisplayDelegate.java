package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import fi.muutos.platform.BusinessKeys;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code #{startProposalDisplay}}: the proposal goes on display from {@code proposalDisplayStart}
 * for the period the DMN table chose ({@code displayDays}); sets {@code displayEndsAt} (timer and
 * statement deadlines) and {@code statementCount} (one parallel branch per authority named in
 * {@code statementAuthorities}, comma-separated).
 */
@Component("startProposalDisplay")
class StartProposalDisplayDelegate implements JavaDelegate {

  static final String STATEMENT_COUNT = "statementCount";

  private final ZoningPlans plans;

  StartProposalDisplayDelegate(ZoningPlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int days = ((Number) execution.getVariable(Vars.DISPLAY_DAYS)).intValue();
    var endsAt =
        plans.startProposalDisplay(
            (Long) execution.getVariable(Vars.PLAN_ID),
            LocalDate.parse((String) execution.getVariable(Vars.PROPOSAL_DISPLAY_START)),
            days,
            execution.getCurrentActivityId());
    execution.setVariable(Vars.DISPLAY_ENDS_AT, endsAt.toString());
    String authorities = (String) execution.getVariable(Vars.STATEMENT_AUTHORITIES);
    execution.setVariable(STATEMENT_COUNT, authorities(authorities).length);
  }

  /** The authorities named in a comma-separated list; used by the BPMN for each branch. */
  static String[] authorities(String list) {
    return BusinessKeys.commaList(list).toArray(String[]::new);
  }
}
