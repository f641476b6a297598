package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Vars;

import fi.muutos.cases.CaseStarter;
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

  /**
   * What starts a transfer: the service, the company and the arrangement; whether staff move. The
   * in-house status is not a start fact: it is assessed before the board's proposal.
   */
  public record StartTransfer(
      String serviceName,
      ServiceKind serviceKind,
      String recipient,
      Arrangement arrangement,
      boolean staffMoving,
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
    Vars.SERVICE_NAME.put(variables, command.serviceName());
    Vars.SERVICE_KIND.put(variables, command.serviceKind().name());
    Vars.RECIPIENT.put(variables, command.recipient());
    Vars.ARRANGEMENT.put(variables, command.arrangement().name());
    Vars.STAFF_MOVING.put(variables, command.staffMoving());
    Vars.TRANSFER_DATE.put(variables, command.transferDate());
    Vars.MEASURES.put(variables, command.measures());
    return cases.start(
        TransferProcess.KEY,
        command.businessKey(),
        variables,
        (key, instanceId) -> new Started(transfers.idOf(key), key, instanceId));
  }
}
