package fi.muutos.organisation;

import static fi.muutos.organisation.ReformProcess.Vars;

import fi.muutos.cases.CaseKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reform process's delegates: each reads its typed variables ({@link ReformProcess.Vars}),
 * calls {@link Reforms}, writes typed output. Stages are recorded by the shared {@code
 * #{recordStage}} step.
 */
@Configuration(proxyBeanMethods = false)
class ReformDelegates {

  /** Reforms are cases ({@code fi.muutos.cases}). */
  @Bean
  CaseKind<ReformStage> reformCases() {
    return ReformProcess.CASE;
  }

  /**
   * {@code #{registerReform}}: the reform's record, from the start variables; resolves the lists
   * the model goes over (the new committees, the measures) into list variables.
   */
  @Bean
  JavaDelegate registerReform(Reforms reforms) {
    return execution -> {
      long id =
          reforms.register(
              execution.getProcessBusinessKey(),
              Vars.NAME.get(execution),
              Vars.EFFECTIVE_DATE.get(execution),
              Vars.COMMITTEES.get(execution),
              Vars.DIVISIONS.get(execution),
              Vars.FOLLOW_UP_MONTHS.get(execution),
              Vars.MEASURES.get(execution),
              execution.getProcessInstanceId());
      Vars.REFORM_ID.set(execution, id);
      Vars.COMMITTEES.set(execution, reforms.committees(id));
      Vars.MEASURES.set(execution, reforms.measures(id));
      Vars.ENTRY_INTO_FORCE_AT.set(execution, reforms.entryIntoForceAt(id));
      Vars.FOLLOW_UP_AT.set(execution, reforms.followUpAt(id));
    };
  }

  /** {@code #{recordCouncilApproval}}: the council approved; implementation starts. */
  @Bean
  JavaDelegate recordCouncilApproval(Reforms reforms) {
    return execution ->
        reforms.approved(
            reformId(execution),
            Vars.DECISION_DATE.require(execution),
            execution.getCurrentActivityId());
  }

  /** {@code #{startReformAppealPeriod}}: sets {@code appealPeriodEndsAt}. */
  @Bean
  JavaDelegate startReformAppealPeriod(Reforms reforms) {
    return execution ->
        Vars.APPEAL_PERIOD_ENDS_AT.set(
            execution,
            reforms.startAppealPeriod(reformId(execution), Vars.NOTICE_DATE.require(execution)));
  }

  /** {@code #{electCommittee}} (task listener, complete): records a balanced committee. */
  @Bean
  TaskListener electCommittee(Reforms reforms) {
    return (DelegateTask task) ->
        reforms.electCommittee(
            Vars.REFORM_ID.require(task),
            Vars.COMMITTEE.get(task),
            Vars.MEMBERS.get(task),
            Vars.WOMEN.get(task),
            Vars.MEN.get(task));
  }

  private static long reformId(DelegateExecution execution) {
    return Vars.REFORM_ID.require(execution);
  }
}
