package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Vars;

import fi.muutos.cases.CaseKind;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
      boolean newCompany = Boolean.TRUE.equals(Vars.NEW_COMPANY.get(execution));
      boolean staffMoving = Boolean.TRUE.equals(Vars.STAFF_MOVING.get(execution));
      boolean inHouse = Boolean.TRUE.equals(Vars.IN_HOUSE.get(execution));
      long id =
          transfers.register(
              execution.getProcessBusinessKey(),
              Vars.SERVICE_NAME.get(execution),
              Vars.SERVICE_KIND.get(execution),
              Vars.RECIPIENT.get(execution),
              newCompany,
              staffMoving,
              inHouse,
              Vars.TRANSFER_DATE.get(execution),
              Vars.MEASURES.get(execution),
              execution.getProcessInstanceId());
      Vars.TRANSFER_ID.set(execution, id);
      Vars.NEW_COMPANY.set(execution, newCompany);
      Vars.STAFF_MOVING.set(execution, staffMoving);
      Vars.IN_HOUSE.set(execution, inHouse);
      Vars.WATER.set(execution, transfers.serviceKind(id) == ServiceKind.WATER_SERVICES);
      Vars.MEASURES.set(execution, transfers.measures(id));
      Vars.TRANSFER_AT.set(execution, transfers.transferAt(id));
      Vars.INFORM_DUE.set(execution, transfers.informDue(id));
    };
  }

  /** {@code #{startRegistrationPeriod}}: the registration deadline and when to warn. */
  @Bean
  JavaDelegate startRegistrationPeriod(Transfers transfers) {
    return execution -> {
      LocalDate deadline = transfers.founded(id(execution), Vars.SIGNED_ON.require(execution));
      Vars.REGISTRATION_DEADLINE.set(execution, deadline);
      Vars.REGISTRATION_WARN_AT.set(execution, transfers.registrationWarnAt(deadline));
    };
  }

  /** {@code #{recordRegistration}}: the fi.muutos.company.registered event's data. */
  @Bean
  JavaDelegate recordRegistration(Transfers transfers) {
    return execution ->
        transfers.registered(
            id(execution), Vars.BUSINESS_ID.get(execution), Vars.REGISTERED_ON.get(execution));
  }

  /** {@code #{recordOwnershipShare}} (task listener, complete): the in-house check's result. */
  @Bean
  TaskListener recordOwnershipShare(Transfers transfers) {
    return (DelegateTask task) ->
        transfers.ownershipShare(Vars.TRANSFER_ID.require(task), Vars.OWNERSHIP_SHARE.get(task));
  }

  private static long id(DelegateExecution execution) {
    return Vars.TRANSFER_ID.require(execution);
  }
}
