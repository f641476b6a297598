package fi.muutos.transfer;

import fi.muutos.cases.CaseStarter;
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

  /** A started transfer. */
  public record Started(long transferId, String businessKey, String processInstanceId) {}

  /**
   * Starts a transfer (see {@link CaseStarter}: the key outside the start's transaction, then
   * record and instance together).
   */
  public Started start(StartTransfer command) {
    return cases.start(
        TransferProcess.KEY,
        command.businessKey(),
        command.variables(),
        (key, instanceId) -> new Started(transfers.idOf(key), key, instanceId));
  }
}
