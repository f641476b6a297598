package fi.muutos.identity;

import fi.muutos.identity.IdentitySettings.GroupSettings;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the configured groups make their members ({@code muutos.identity.groups}): an integration
 * account (a member of a group of type {@code SYSTEM} other than the administrators'), management
 * (a member of an {@code observer} group), and which processes a member may start (its group's
 * {@code api} start permissions through {@code muutos.identity.starts}). Data, not code: the
 * engine's integrity rules ask here, so another municipality's groups get the same rules.
 */
@Component
public class GroupRoles {

  static final String SYSTEM = "SYSTEM";

  private final Set<String> integrationGroups = new HashSet<>();
  private final Set<String> observerGroups = new HashSet<>();
  private final Map<String, Set<String>> startersByProcess = new HashMap<>();

  GroupRoles(IdentitySettings settings) {
    for (GroupSettings group : settings.groups()) {
      if (SYSTEM.equalsIgnoreCase(group.type()) && !Groups.ADMIN.equals(group.id())) {
        integrationGroups.add(group.id());
      }
      if (group.observer()) {
        observerGroups.add(group.id());
      }
      for (String permission : group.api()) {
        for (String process : settings.starts().getOrDefault(permission, List.of())) {
          startersByProcess.computeIfAbsent(process, p -> new HashSet<>()).add(group.id());
        }
      }
    }
  }

  /** Whether these groups make their member an integration account (a partner system). */
  public boolean integration(Collection<String> groups) {
    return groups.stream().anyMatch(integrationGroups::contains);
  }

  /** Whether these groups make their member management (reads every process). */
  public boolean management(Collection<String> groups) {
    return groups.stream().anyMatch(observerGroups::contains);
  }

  /** Whether a member of these groups may start the process (administrators aside). */
  public boolean mayStart(Collection<String> groups, String processKey) {
    Set<String> starters = startersByProcess.getOrDefault(processKey, Set.of());
    return groups.stream().anyMatch(starters::contains);
  }

  /** Whether the group may start the process. */
  boolean starts(String groupId, String processKey) {
    return startersByProcess.getOrDefault(processKey, Set.of()).contains(groupId);
  }
}
