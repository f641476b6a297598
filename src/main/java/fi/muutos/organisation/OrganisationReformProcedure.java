package fi.muutos.organisation;

import static fi.muutos.organisation.ReformProcess.Vars;

import fi.muutos.cases.CaseStarter;
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

  /**
   * What starts a reform; all but the name and committees are optional. The effective date is only
   * proposed: the council's decision sets it. {@code interimTermEnds}: the bodies are first elected
   * for an interim term ending that day, then again for the new council term.
   */
  public record StartReform(
      String name,
      LocalDate proposedEffectiveDate,
      LocalDate interimTermEnds,
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
    Vars.NAME.put(variables, command.name());
    Vars.PROPOSED_EFFECTIVE_DATE.put(variables, command.proposedEffectiveDate());
    Vars.INTERIM_TERM_ENDS.put(variables, command.interimTermEnds());
    Vars.COMMITTEES.put(variables, command.committees());
    Vars.DIVISIONS.put(variables, command.divisions() == null ? List.of() : command.divisions());
    Vars.FOLLOW_UP_MONTHS.put(variables, command.followUpMonths());
    Vars.MEASURES.put(variables, command.measures());
    return cases.start(
        ReformProcess.KEY,
        command.businessKey(),
        variables,
        (key, instanceId) -> new Started(reforms.idOf(key), key, instanceId));
  }
}
