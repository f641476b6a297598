package fi.muutos.integrity;

import fi.muutos.identity.GroupRoles;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who calls the engine. A person or a partner system calls with an engine authentication (set by
 * the engine REST filter or the webapps); Muutos' own code (facades, delegates, the job executor)
 * calls without one and is trusted. Administrators are the engine's own admin groups and users; an
 * integration account is only that, whatever other groups it is in.
 *
 * <p>Engine internals (docs/engine-extensions.md): the engine REST filter and the webapps set the
 * caller's authentication on the IdentityService for the request; Muutos' own code runs without
 * one. {@code EngineGateTest#muutosOwnCodeIsTrusted} fails when an upgrade changes that.
 */
record Caller(String userId, List<String> groups, Set<CallerKind> kinds) {

  /** The caller on this thread, or null for Muutos' own code. */
  static Caller of(
      IdentityService identity, ProcessEngineConfigurationImpl configuration, GroupRoles roles) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    String userId = authentication.getUserId();
    List<String> groups =
        authentication.getGroupIds() == null
            ? List.of()
            : List.copyOf(authentication.getGroupIds());
    return new Caller(userId, groups, kinds(userId, groups, configuration, roles));
  }

  private static Set<CallerKind> kinds(
      String userId,
      List<String> groups,
      ProcessEngineConfigurationImpl configuration,
      GroupRoles roles) {
    boolean admin =
        configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(userId)
            || configuration.getAdminGroups() != null
                && groups.stream().anyMatch(configuration.getAdminGroups()::contains);
    if (admin) {
      return EnumSet.of(CallerKind.ADMINISTRATOR);
    }
    if (roles.integration(groups)) {
      return EnumSet.of(CallerKind.INTEGRATION);
    }
    Set<CallerKind> kinds = EnumSet.of(CallerKind.CIVIL_SERVANT);
    if (roles.management(groups)) {
      kinds.add(CallerKind.MANAGEMENT);
    }
    return kinds;
  }

  boolean admin() {
    return kinds.contains(CallerKind.ADMINISTRATOR);
  }

  boolean integration() {
    return kinds.contains(CallerKind.INTEGRATION);
  }

  /** A person or partner system who is not an administrator. */
  static boolean isRestricted(Caller caller) {
    return caller != null && !caller.admin();
  }
}
