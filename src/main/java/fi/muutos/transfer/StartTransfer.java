package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Vars;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What starts a transfer, declared once: the service, the company and the arrangement; whether
 * staff move. The API's command, the start variables it becomes ({@link #variables()}) and the
 * start the process reads back however it was started ({@link #of(DelegateExecution)}). The
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
    String businessKey) {

  /** The start's process variables. */
  Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    Vars.SERVICE_NAME.put(variables, serviceName);
    Vars.SERVICE_KIND.put(variables, serviceKind.name());
    Vars.RECIPIENT.put(variables, recipient);
    Vars.ARRANGEMENT.put(variables, arrangement.name());
    Vars.STAFF_MOVING.put(variables, staffMoving);
    Vars.TRANSFER_DATE.put(variables, transferDate);
    Vars.MEASURES.put(variables, measures);
    return variables;
  }

  /**
   * The start as the starting instance holds it; a kind or arrangement that is none of the known
   * ones (a start form, the engine REST API) is refused here.
   */
  static StartTransfer of(DelegateExecution execution) {
    return new StartTransfer(
        Vars.SERVICE_NAME.get(execution),
        known(ServiceKind.class, Vars.SERVICE_KIND.get(execution), "palvelun laji", "service kind"),
        Vars.RECIPIENT.get(execution),
        known(Arrangement.class, Vars.ARRANGEMENT.get(execution), "järjestely", "arrangement"),
        Boolean.TRUE.equals(Vars.STAFF_MOVING.get(execution)),
        Vars.TRANSFER_DATE.get(execution),
        Vars.MEASURES.get(execution),
        execution.getProcessBusinessKey());
  }

  private static <E extends Enum<E>> E known(
      Class<E> type, String value, String label, String what) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-transfer",
          "Tuntematon "
              + label
              + " '"
              + value
              + "' (an unknown "
              + what
              + "; one of "
              + Arrays.toString(type.getEnumConstants())
              + ").");
    }
  }
}
