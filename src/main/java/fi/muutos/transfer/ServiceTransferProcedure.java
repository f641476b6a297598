package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Vars;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The service transfer's facade: start one. */
@Service
public class ServiceTransferProcedure {

  private final RuntimeService runtimeService;
  private final Transfers transfers;

  ServiceTransferProcedure(RuntimeService runtimeService, Transfers transfers) {
    this.runtimeService = runtimeService;
    this.transfers = transfers;
  }

  /** What starts a transfer. */
  public record StartTransfer(
      String serviceName,
      ServiceKind serviceKind,
      String recipient,
      boolean newCompany,
      boolean staffMoving,
      boolean inHouse,
      LocalDate transferDate,
      List<String> measures,
      String businessKey) {}

  /** A started transfer. */
  public record Started(long transferId, String businessKey, String processInstanceId) {}

  @Transactional
  public Started start(StartTransfer command) {
    String businessKey =
        command.businessKey() == null || command.businessKey().isBlank()
            ? transfers.newBusinessKey()
            : command.businessKey().strip();
    if (runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(TransferProcess.KEY)
            .processInstanceBusinessKey(businessKey)
            .count()
        > 0) {
      throw new DomainException(
          Kind.CONFLICT,
          "duplicate-business-key",
          "A transfer with the business key " + businessKey + " exists already.");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.SERVICE_NAME, command.serviceName());
    variables.put(Vars.SERVICE_KIND, command.serviceKind().name());
    variables.put(Vars.RECIPIENT, command.recipient());
    variables.put(Vars.NEW_COMPANY, command.newCompany());
    variables.put(Vars.STAFF_MOVING, command.staffMoving());
    variables.put(Vars.IN_HOUSE, command.inHouse());
    variables.put(Vars.TRANSFER_DATE, command.transferDate().toString());
    variables.put(
        "measures", command.measures() == null ? null : String.join(",", command.measures()));
    String instanceId =
        runtimeService
            .startProcessInstanceByKey(TransferProcess.KEY, businessKey, variables)
            .getId();
    return new Started(transfers.findByBusinessKey(businessKey).id(), businessKey, instanceId);
  }
}
