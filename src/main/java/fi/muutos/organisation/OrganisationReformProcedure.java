package fi.muutos.organisation;

import static fi.muutos.organisation.ReformProcess.Vars;

import fi.muutos.platform.CaseStarter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The organisation reform's facade: start one. */
@Service
public class OrganisationReformProcedure {

  private final Reforms reforms;
  private final CaseStarter cases;

  OrganisationReformProcedure(Reforms reforms, CaseStarter cases) {
    this.reforms = reforms;
    this.cases = cases;
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

  /** Starts a reform (see {@link CaseStarter}: key, record and instance). */
  public Started start(StartReform command) {
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
    return cases.start(
        ReformProcess.KEY,
        command.businessKey(),
        variables,
        (key, instanceId) -> new Started(reforms.findByBusinessKey(key).id(), key, instanceId));
  }
}
