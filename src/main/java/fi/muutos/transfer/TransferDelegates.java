package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Vars;

import fi.muutos.cases.CaseKind;
import fi.muutos.cases.CouncilDecisions;
import fi.muutos.platform.Decision;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The transfer process's delegates: each reads its typed variables ({@link TransferProcess.Vars}),
 * calls {@link Transfers}, writes typed output. Stages are recorded by the shared {@code
 * #{recordStage}} step.
 */
@Configuration(proxyBeanMethods = false)
class TransferDelegates {

  /** Transfers are cases ({@code fi.muutos.cases}). */
  @Bean
  CaseKind<TransferStage> transferCases() {
    return TransferProcess.CASE;
  }

  /**
   * {@code #{registerTransfer}}: the transfer's record, the facts its gateways use and the measures
   * its measure steps move.
   */
  @Bean
  JavaDelegate registerTransfer(Transfers transfers) {
    return execution -> {
      StartTransfer start = StartTransfer.of(execution);
      long id = transfers.register(start, execution.getProcessInstanceId());
      Vars.TRANSFER_ID.set(execution, id);
      Vars.ARRANGEMENT.set(execution, transfers.arrangement(id).name());
      Vars.STAFF_MOVING.set(execution, start.staffMoving());
      Vars.WATER.set(execution, transfers.serviceKind(id) == ServiceKind.WATER_SERVICES);
      Vars.MEASURES.set(execution, transfers.measures(id));
      Vars.TRANSFER_AT.set(execution, transfers.transferAt(id));
      Vars.INFORM_DUE.set(execution, transfers.informDue(id));
    };
  }

  /**
   * {@code #{assessInHouse}} (task listener, complete): the in-house assessment's result, which the
   * model's gateway reads as {@code inHouse}.
   */
  @Bean
  TaskListener assessInHouse(Transfers transfers) {
    return (DelegateTask task) ->
        Vars.IN_HOUSE.set(
            task.getExecution(),
            transfers.assessInHouse(
                Vars.TRANSFER_ID.require(task),
                new InHouseRule.Facts(
                    new InHouseRule.Control(
                        Vars.CONTROL_REPRESENTED.get(task),
                        Vars.CONTROL_DECISIVE.get(task),
                        Vars.CONTROL_NO_CONTRARY_INTERESTS.get(task)),
                    Vars.OWNERSHIP_SHARE.get(task),
                    Vars.BUSINESS_WITH_OWNERS.get(task),
                    Vars.OUTSIDE_TURNOVER.get(task),
                    Vars.PRIVATE_CAPITAL.get(task))));
  }

  /** {@code #{checkTransferDecision}} (execution listener where task and event meet). */
  @Bean
  ExecutionListener checkTransferDecision(Transfers transfers) {
    return execution -> transfers.checkDecision(id(execution), Decision.Facts.of(execution));
  }

  /**
   * {@code #{recordTransferApproval}}: the council approved, on the transfer date it decided; the
   * legality check follows.
   */
  @Bean
  JavaDelegate recordTransferApproval(Transfers transfers) {
    return execution -> {
      long id = id(execution);
      transfers.approved(id, Decision.Facts.of(execution), execution.getCurrentActivityId());
      Vars.TRANSFER_DATE.set(execution, transfers.transferDate(id));
      Vars.TRANSFER_AT.set(execution, transfers.transferAt(id));
    };
  }

  /** {@code #{recordTransferEnforcement}}: the board found the decision lawful. */
  @Bean
  JavaDelegate recordTransferEnforcement(Transfers transfers) {
    return execution ->
        transfers.enforced(
            id(execution),
            Vars.LEGALITY_CHECK_DATE.require(execution),
            execution.getCurrentActivityId());
  }

  /** {@code #{startTransferAppealPeriod}}: sets {@code appealPeriodEndsAt}. */
  @Bean
  JavaDelegate startTransferAppealPeriod(Transfers transfers, CouncilDecisions decisions) {
    return execution ->
        decisions.appealPeriodStarted(
            execution,
            transfers.startAppealPeriod(id(execution), Vars.NOTICE_DATE.require(execution)));
  }

  /**
   * {@code #{startRegistrationPeriod}}: the founding with its board; the filing deadline, when to
   * warn and when the founding lapses.
   */
  @Bean
  JavaDelegate startRegistrationPeriod(CompanyFoundings foundings) {
    return execution -> {
      LocalDate deadline =
          foundings.founded(
              id(execution),
              new CompanyFoundings.Founding(
                  Vars.SIGNED_ON.require(execution),
                  Vars.BOARD_MEMBERS.get(execution),
                  Vars.BOARD_WOMEN.get(execution),
                  Vars.BOARD_MEN.get(execution),
                  Vars.BOARD_BALANCE_EXCEPTION.get(execution)));
      Vars.REGISTRATION_DEADLINE.set(execution, deadline);
      Vars.REGISTRATION_WARN_AT.set(execution, foundings.registrationWarnAt(deadline));
      Vars.REGISTRATION_LAPSES_AT.set(execution, foundings.registrationLapsesAt(deadline));
    };
  }

  /** {@code #{recordRegistrationFiled}} (task listener, complete): filed within the deadline. */
  @Bean
  TaskListener recordRegistrationFiled(CompanyFoundings foundings) {
    return (DelegateTask task) ->
        foundings.registrationFiled(
            Vars.TRANSFER_ID.require(task), Vars.REGISTRATION_FILED_ON.get(task));
  }

  /** {@code #{recordRegistration}}: the fi.muutos.company.registered event's data. */
  @Bean
  JavaDelegate recordRegistration(CompanyFoundings foundings) {
    return execution ->
        foundings.registered(
            id(execution), Vars.BUSINESS_ID.get(execution), Vars.REGISTERED_ON.get(execution));
  }

  /** {@code #{recordTransferAppeal}}: an appeal against the council's decision. */
  @Bean
  JavaDelegate recordTransferAppeal(TransferCourts courts) {
    return execution ->
        courts.appealFiled(
            id(execution), Vars.APPEAL_COURT.get(execution), Vars.APPEAL_DATE.get(execution));
  }

  /** {@code #{checkTransferAppeals}}: the appeal period is over; do appeals await the court? */
  @Bean
  JavaDelegate checkTransferAppeals(TransferCourts courts) {
    return execution -> Vars.APPEALS_PENDING.set(execution, courts.appealsPending(id(execution)));
  }

  /**
   * {@code #{recordTransferAppealDecision}}: the court decided the appeals; an HaO annulment opens
   * the KHO's period, after which the registry checks for a further appeal (review R1, T2).
   */
  @Bean
  JavaDelegate recordTransferAppealDecision(
      TransferCourts courts, fi.muutos.cases.CouncilDecisions decisions) {
    return decisions.courtDecision(courts, TransferDelegates::id);
  }

  /** {@code #{recordTransferBan}}, {@code #{recordTransferBanLifted}}: the court's ban. */
  @Bean
  JavaDelegate recordTransferBan(TransferCourts courts) {
    return execution -> courts.banned(id(execution), Vars.BAN_DATE.require(execution));
  }

  @Bean
  JavaDelegate recordTransferBanLifted(TransferCourts courts) {
    return execution -> courts.banLifted(id(execution), Vars.BAN_LIFTED_DATE.require(execution));
  }

  /**
   * {@code #{checkTransferBan}}: the transfer date came; under an enforcement ban the transfer
   * waits ({@code enforcementBanned}, and {@code nextCheckAt} the next morning).
   */
  @Bean
  JavaDelegate checkTransferBan(TransferCourts courts) {
    return execution -> {
      var recheck = courts.recheckWhileBanned(id(execution));
      Vars.ENFORCEMENT_BANNED.set(execution, recheck.isPresent());
      Vars.NEXT_CHECK_AT.set(execution, recheck.orElse(null));
    };
  }

  /** {@code #{recordTakingEffect}}: transferred, or (an agreement) in force. */
  @Bean
  JavaDelegate recordTakingEffect(Transfers transfers) {
    return execution ->
        Vars.TRANSFERRED_ON.set(
            execution,
            transfers.takeEffect(
                id(execution),
                java.util.stream.Stream.of(
                        Vars.SHARE_AGREEMENT_DATE.get(execution),
                        Vars.AGREEMENT_SIGNED_ON.get(execution))
                    .filter(java.util.Objects::nonNull)
                    .toList(),
                execution.getCurrentActivityId()));
  }

  private static long id(DelegateExecution execution) {
    return Vars.TRANSFER_ID.require(execution);
  }
}
