package fi.muutos.organisation;

import fi.muutos.cases.CaseStarter;
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

  /** A started reform. */
  public record Started(long reformId, String businessKey, String processInstanceId) {}

  /** Starts a reform (see {@link CaseStarter}: key, record and instance). */
  public Started start(StartReform command) {
    return cases.start(
        ReformProcess.KEY,
        command.businessKey(),
        command.variables(),
        (key, instanceId) -> new Started(reforms.idOf(key), key, instanceId));
  }
}
