package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The transfer process's delegates: typed input → {@link Transfers} → typed output. */
@Configuration(proxyBeanMethods = false)
class TransferDelegates {

  /** {@code #{registerTransfer}}: the transfer's record and the facts its gateways use. */
  @Bean
  JavaDelegate registerTransfer(Transfers transfers) {
    return execution -> {
      String businessKey = execution.getProcessBusinessKey(); // claimed at start (CaseKeys)
      boolean newCompany = flag(execution, Vars.NEW_COMPANY);
      boolean staffMoving = flag(execution, Vars.STAFF_MOVING);
      boolean inHouse = flag(execution, Vars.IN_HOUSE);
      long id =
          transfers.register(
              businessKey,
              (String) execution.getVariable(Vars.SERVICE_NAME),
              (String) execution.getVariable(Vars.SERVICE_KIND),
              (String) execution.getVariable(Vars.RECIPIENT),
              newCompany,
              staffMoving,
              inHouse,
              (String) execution.getVariable(Vars.TRANSFER_DATE),
              (String) execution.getVariable("measures"),
              execution.getProcessInstanceId());
      execution.setVariable(Vars.TRANSFER_ID, id);
      execution.setVariable(Vars.NEW_COMPANY, newCompany);
      execution.setVariable(Vars.STAFF_MOVING, staffMoving);
      execution.setVariable(Vars.IN_HOUSE, inHouse);
      execution.setVariable(
          Vars.WATER, transfers.find(id).serviceKind() == ServiceKind.WATER_SERVICES);
      execution.setVariable(Vars.TRANSFER_AT, transfers.transferAt(id).toString());
      execution.setVariable(Vars.INFORM_DUE, transfers.informDue(id).toString());
    };
  }

  /** {@code #{recordTransferStage}}: input parameters {@code stage}, optional {@code outcome}. */
  @Bean
  JavaDelegate recordTransferStage(Transfers transfers) {
    return execution -> {
      Object outcome = execution.getVariableLocal("outcome");
      transfers.recordStage(
          id(execution),
          TransferStage.valueOf((String) execution.getVariableLocal("stage")),
          outcome == null ? null : outcome.toString(),
          execution.getCurrentActivityId());
    };
  }

  /** {@code #{startRegistrationPeriod}}: the registration deadline and when to warn. */
  @Bean
  JavaDelegate startRegistrationPeriod(Transfers transfers) {
    return execution -> {
      var deadline =
          transfers.founded(id(execution), (String) execution.getVariable(Vars.SIGNED_ON));
      execution.setVariable(Vars.REGISTRATION_DEADLINE, deadline.toString());
      execution.setVariable(
          Vars.REGISTRATION_WARN_AT, transfers.registrationWarnAt(deadline).toString());
    };
  }

  /** {@code #{recordRegistration}}: the fi.muutos.company.registered event's data. */
  @Bean
  JavaDelegate recordRegistration(Transfers transfers) {
    return execution ->
        transfers.registered(
            id(execution),
            (String) execution.getVariable(Vars.BUSINESS_ID),
            (String) execution.getVariable(Vars.REGISTERED_ON));
  }

  /** {@code #{recordOwnershipShare}} (task listener, complete): the in-house check's result. */
  @Bean
  TaskListener recordOwnershipShare(Transfers transfers) {
    return (DelegateTask task) ->
        transfers.ownershipShare(
            ((Number) task.getVariable(Vars.TRANSFER_ID)).longValue(),
            (Number) task.getVariable(Vars.OWNERSHIP_SHARE));
  }

  /** {@code #{transferItems}}: values BPMN expressions need. */
  @Bean
  TransferItems transferItems(Transfers transfers) {
    return new TransferItems(transfers);
  }

  /** Used from BPMN expressions. */
  public static final class TransferItems {
    private final Transfers transfers;

    TransferItems(Transfers transfers) {
      this.transfers = transfers;
    }

    /** The transfer's measures, comma-separated, for {@code #{updateMeasureStatus}}. */
    public String measures(Long transferId) {
      return String.join(",", transfers.measures(transferId));
    }
  }

  private static boolean flag(DelegateExecution execution, String name) {
    return Boolean.TRUE.equals(execution.getVariable(name));
  }

  private static long id(DelegateExecution execution) {
    return ((Number) execution.getVariable(Vars.TRANSFER_ID)).longValue();
  }
}
