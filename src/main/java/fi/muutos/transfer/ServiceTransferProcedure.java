package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Vars;

import fi.muutos.platform.CaseStarter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The service transfer's facade: start one. */
@Service
public class ServiceTransferProcedure {

  private final Transfers transfers;
  private final CaseStarter cases;

  ServiceTransferProcedure(Transfers transfers, CaseStarter cases) {
    this.transfers = transfers;
    this.cases = cases;
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

  /**
   * Starts a transfer (see {@link CaseStarter}: the key outside the start's transaction, then
   * record and instance together).
   */
  public Started start(StartTransfer command) {
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
    return cases.start(
        TransferProcess.KEY,
        command.businessKey(),
        variables,
        (key, instanceId) -> new Started(transfers.findByBusinessKey(key).id(), key, instanceId));
  }
}
