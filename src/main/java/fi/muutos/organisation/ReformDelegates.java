package fi.muutos.organisation;

import static fi.muutos.organisation.ReformProcess.Vars;

import fi.muutos.cases.CaseKind;
import fi.muutos.cases.CouncilDecisions;
import fi.muutos.platform.Decision;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
      long id = reforms.register(StartReform.of(execution), execution.getProcessInstanceId());
      Vars.REFORM_ID.set(execution, id);
      Vars.COMMITTEES.set(execution, reforms.committees(id));
      Vars.MEASURES.set(execution, reforms.measures(id));
    };
  }

  /**
   * {@code #{checkReformDecision}} (execution listener where the registry's task and the meeting
   * system's event meet): a decision dated ahead, or an approval without a valid effective date,
   * does not pass.
   */
  @Bean
  ExecutionListener checkReformDecision(Reforms reforms) {
    return execution -> reforms.checkDecision(reformId(execution), Decision.Facts.of(execution));
  }

  /** {@code #{recordCouncilApproval}}: the council approved and set the effective date. */
  @Bean
  JavaDelegate recordCouncilApproval(Reforms reforms) {
    return execution -> {
      long id = reformId(execution);
      reforms.approved(id, Decision.Facts.of(execution), execution.getCurrentActivityId());
      Vars.ENTRY_INTO_FORCE_AT.set(execution, reforms.entryIntoForceAt(id));
      Vars.FOLLOW_UP_AT.set(execution, reforms.followUpAt(id));
    };
  }

  /** {@code #{recordReformEnforcement}}: the board found the decision lawful and enforces it. */
  @Bean
  JavaDelegate recordReformEnforcement(Reforms reforms) {
    return execution -> {
      reforms.enforced(
          reformId(execution),
          Vars.LEGALITY_CHECK_DATE.require(execution),
          execution.getCurrentActivityId());
      Vars.ELECTION_TERM.set(execution, 1);
    };
  }

  /** {@code #{nextElectionTerm}}: after an interim term the bodies are elected again. */
  @Bean
  JavaDelegate nextElectionTerm(Reforms reforms) {
    return execution -> {
      int term = Vars.ELECTION_TERM.require(execution);
      Optional<OffsetDateTime> next = reforms.nextTermStartsAt(reformId(execution), term);
      Vars.NEXT_TERM_STARTS_AT.set(execution, next.orElse(null));
      if (next.isPresent()) {
        Vars.ELECTION_TERM.set(execution, term + 1);
      }
    };
  }

  /**
   * {@code #{startReformAppealPeriod}}: sets {@code appealPeriodEndsAt} and when the registry's
   * check of appeals is due.
   */
  @Bean
  JavaDelegate startReformAppealPeriod(Reforms reforms, CouncilDecisions decisions) {
    return execution ->
        decisions.appealPeriodStarted(
            execution,
            reforms.startAppealPeriod(reformId(execution), Vars.NOTICE_DATE.require(execution)));
  }

  /** {@code #{checkReformAppeals}}: the appeal period is over; do appeals await the court? */
  @Bean
  JavaDelegate checkReformAppeals(ReformAppeals appeals) {
    return execution ->
        Vars.APPEALS_PENDING.set(execution, appeals.appealsPending(reformId(execution)));
  }

  /** {@code #{recordReformAppeal}}: an appeal against the council's decision. */
  @Bean
  JavaDelegate recordReformAppeal(ReformAppeals appeals) {
    return execution ->
        appeals.appealFiled(
            reformId(execution),
            Vars.APPEAL_COURT.get(execution),
            Vars.APPEAL_DATE.get(execution),
            Vars.APPEAL_REFERENCE.get(execution));
  }

  /**
   * {@code #{recordReformAppealDecision}}: the court decided the appeals; an HaO annulment opens
   * the KHO's period, after which the registry checks for a further appeal (review R1).
   */
  @Bean
  JavaDelegate recordReformAppealDecision(ReformAppeals appeals, CouncilDecisions decisions) {
    return decisions.courtDecision(appeals, ReformDelegates::reformId);
  }

  /** {@code #{recordEnforcementBan}}: the court forbade enforcing the decision. */
  @Bean
  JavaDelegate recordEnforcementBan(ReformAppeals appeals) {
    return execution ->
        appeals.enforcementBanned(reformId(execution), Vars.BAN_DATE.require(execution));
  }

  /** {@code #{recordEnforcementBanLifted}}: the court lifted its ban. */
  @Bean
  JavaDelegate recordEnforcementBanLifted(ReformAppeals appeals) {
    return execution ->
        appeals.enforcementBanLifted(reformId(execution), Vars.BAN_LIFTED_DATE.require(execution));
  }

  /**
   * {@code #{enterReformIntoForce}}: the decided date has come; under an enforcement ban it sets
   * {@code enforcementBanned} and {@code nextCheckAt} instead.
   */
  @Bean
  JavaDelegate enterReformIntoForce(Reforms reforms) {
    return execution -> {
      Optional<OffsetDateTime> recheck =
          reforms.enterIntoForce(reformId(execution), execution.getCurrentActivityId());
      Vars.ENFORCEMENT_BANNED.set(execution, recheck.isPresent());
      Vars.NEXT_CHECK_AT.set(execution, recheck.orElse(null));
    };
  }

  /** {@code #{electCommittee}} (task listener, complete): records the council's election. */
  @Bean
  TaskListener electCommittee(CommitteeElections elections) {
    return (DelegateTask task) ->
        elections.electCommittee(
            Vars.REFORM_ID.require(task),
            Vars.COMMITTEE.require(task),
            Vars.ELECTION_TERM.require(task),
            new CommitteeElections.ElectionFacts(
                Vars.ELECTION_DATE.get(task),
                Vars.MEMBERS.get(task),
                Vars.DEPUTIES.get(task),
                Vars.WOMEN.get(task),
                Vars.MEN.get(task),
                Vars.DEPUTY_WOMEN.get(task),
                Vars.DEPUTY_MEN.get(task),
                Vars.CHAIR.get(task),
                Vars.VICE_CHAIR.get(task),
                Vars.BALANCE_EXCEPTION.get(task)));
  }

  /** {@code #{recordDelegation}} (task listener, complete): the body's delegation decision. */
  @Bean
  TaskListener recordDelegation(CommitteeElections elections) {
    return (DelegateTask task) ->
        elections.recordDelegation(
            Vars.REFORM_ID.require(task),
            Vars.COMMITTEE.require(task),
            Vars.ELECTION_TERM.require(task),
            Vars.CONSTITUTED_ON.get(task),
            Vars.DELEGATION_DATE.get(task));
  }

  private static long reformId(DelegateExecution execution) {
    return Vars.REFORM_ID.require(execution);
  }
}
