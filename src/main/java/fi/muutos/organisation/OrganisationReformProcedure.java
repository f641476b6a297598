package fi.muutos.organisation;

import static fi.muutos.organisation.ReformProcess.Vars;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The organisation reform's facade: start one. */
@Service
public class OrganisationReformProcedure {

  private final RuntimeService runtimeService;
  private final Reforms reforms;
  private final TransactionTemplate transaction;

  OrganisationReformProcedure(
      RuntimeService runtimeService, Reforms reforms, PlatformTransactionManager transactions) {
    this.runtimeService = runtimeService;
    this.reforms = reforms;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** What starts a reform; {@code measures} and {@code businessKey} are optional. */
  public record StartReform(
      String name,
      LocalDate effectiveDate,
      List<String> committees,
      List<String> divisions,
      Integer followUpMonths,
      List<String> measures,
      String businessKey) {}

  /** A started reform. */
  public record Started(long reformId, String businessKey, String processInstanceId) {}

  /**
   * Takes the business key first, in a short transaction of its own (so that concurrent starts do
   * not queue on the counter row), then starts the case in one transaction: record, instance and
   * first steps commit together or not at all. A start that fails leaves a gap in the numbers.
   */
  public Started start(StartReform command) {
    String businessKey =
        command.businessKey() == null || command.businessKey().isBlank()
            ? reforms.newBusinessKey()
            : command.businessKey().strip();
    return transaction.execute(status -> start(command, businessKey));
  }

  private Started start(StartReform command, String businessKey) {
    if (runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(ReformProcess.KEY)
            .processInstanceBusinessKey(businessKey)
            .count()
        > 0) {
      throw new DomainException(
          Kind.CONFLICT,
          "duplicate-business-key",
          "A reform with the business key " + businessKey + " exists already.");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.NAME, command.name());
    variables.put(Vars.EFFECTIVE_DATE, command.effectiveDate().toString());
    variables.put(Vars.COMMITTEES, String.join(", ", command.committees()));
    variables.put(
        Vars.DIVISIONS,
        String.join(", ", command.divisions() == null ? List.of() : command.divisions()));
    variables.put(Vars.FOLLOW_UP_MONTHS, command.followUpMonths());
    variables.put(
        "measures", command.measures() == null ? null : String.join(",", command.measures()));
    String instanceId =
        runtimeService.startProcessInstanceByKey(ReformProcess.KEY, businessKey, variables).getId();
    return new Started(reforms.findByBusinessKey(businessKey).id(), businessKey, instanceId);
  }
}
