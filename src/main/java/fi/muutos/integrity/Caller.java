package fi.muutos.integrity;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who calls the engine. A person or a partner system calls with an engine authentication (set by
 * the engine REST filter or the webapps); Muutos' own code (facades, delegates, the job executor)
 * calls without one and is trusted. Administrators are the engine's own admin groups and users.
 */
record Caller(String userId, List<String> groups, boolean admin) {

  static Caller of(ProcessEngineConfigurationImpl configuration) {
    Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    List<String> groups =
        authentication.getGroupIds() == null
            ? List.of()
            : List.copyOf(authentication.getGroupIds());
    boolean admin =
        configuration.getAdminUsers() != null
                && configuration.getAdminUsers().contains(authentication.getUserId())
            || configuration.getAdminGroups() != null
                && groups.stream().anyMatch(configuration.getAdminGroups()::contains);
    return new Caller(authentication.getUserId(), groups, admin);
  }

  /** A person or partner system who is not an administrator. */
  static boolean isRestricted(Caller caller) {
    return caller != null && !caller.admin();
  }
}
