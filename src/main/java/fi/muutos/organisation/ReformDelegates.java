package fi.muutos.organisation;

import static fi.muutos.organisation.ReformProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reform process's delegates: each reads typed input, calls {@link Reforms}, writes typed
 * output. (One class of small beans rather than eight files of five lines each.)
 */
@Configuration(proxyBeanMethods = false)
class ReformDelegates {

  /** {@code #{registerReform}}: the reform's record, from the start variables. */
  @Bean
  JavaDelegate registerReform(Reforms reforms) {
    return execution -> {
      String businessKey = execution.getProcessBusinessKey(); // claimed at start (CaseKeys)
      Object months = execution.getVariable(Vars.FOLLOW_UP_MONTHS);
      long id =
          reforms.register(
              businessKey,
              (String) execution.getVariable(Vars.NAME),
              (String) execution.getVariable(Vars.EFFECTIVE_DATE),
              (String) execution.getVariable(Vars.COMMITTEES),
              (String) execution.getVariable(Vars.DIVISIONS),
              months == null ? null : ((Number) months).intValue(),
              (String) execution.getVariable("measures"),
              execution.getProcessInstanceId());
      execution.setVariable(Vars.REFORM_ID, id);
      execution.setVariable(Vars.ENTRY_INTO_FORCE_AT, reforms.entryIntoForceAt(id).toString());
      execution.setVariable(Vars.FOLLOW_UP_AT, reforms.followUpAt(id).toString());
    };
  }

  /** {@code #{recordReformStage}}: input parameters {@code stage}, optional {@code outcome}. */
  @Bean
  JavaDelegate recordReformStage(Reforms reforms) {
    return execution -> {
      Object outcome = execution.getVariableLocal("outcome");
      reforms.recordStage(
          reformId(execution),
          ReformStage.valueOf((String) execution.getVariableLocal("stage")),
          outcome == null ? null : outcome.toString(),
          execution.getCurrentActivityId());
    };
  }

  /** {@code #{recordCouncilApproval}}: the council approved; implementation starts. */
  @Bean
  JavaDelegate recordCouncilApproval(Reforms reforms) {
    return execution ->
        reforms.approved(
            reformId(execution),
            (String) execution.getVariable(Vars.DECISION_DATE),
            execution.getCurrentActivityId());
  }

  /** {@code #{startReformAppealPeriod}}: sets {@code appealPeriodEndsAt}. */
  @Bean
  JavaDelegate startReformAppealPeriod(Reforms reforms) {
    return execution ->
        execution.setVariable(
            Vars.APPEAL_PERIOD_ENDS_AT,
            reforms
                .startAppealPeriod(
                    reformId(execution), (String) execution.getVariable(Vars.NOTICE_DATE))
                .toString());
  }

  /** {@code #{electCommittee}} (task listener, complete): records a balanced committee. */
  @Bean
  TaskListener electCommittee(Reforms reforms) {
    return (DelegateTask task) ->
        reforms.electCommittee(
            ((Number) task.getVariable(Vars.REFORM_ID)).longValue(),
            (String) task.getVariable(Vars.COMMITTEE),
            (String) task.getVariable(Vars.MEMBERS),
            (Number) task.getVariable(Vars.WOMEN),
            (Number) task.getVariable(Vars.MEN));
  }

  /** {@code #{reformItems}}: the committees and measures a reform's parallel steps go over. */
  @Bean
  ReformItems reformItems(Reforms reforms) {
    return new ReformItems(reforms);
  }

  /** Used from BPMN expressions. */
  public static final class ReformItems {
    private final Reforms reforms;

    ReformItems(Reforms reforms) {
      this.reforms = reforms;
    }

    /** The new committees, one election task each (the list is evaluated, not stored). */
    public java.util.List<String> committees(Long reformId) {
      return reforms.committees(reformId);
    }

    /** The reform's measures, comma-separated, for {@code #{updateMeasureStatus}}. */
    public String measures(Long reformId) {
      return String.join(",", reforms.measures(reformId));
    }
  }

  private static long reformId(DelegateExecution execution) {
    return ((Number) execution.getVariable(Vars.REFORM_ID)).longValue();
  }
}
