package fi.muutos.identity;

import fi.muutos.identity.IdentitySettings.GroupSettings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may do what through {@code /api}: each group's permissions are configuration ({@code
 * muutos.identity.groups[].api}), not code, so another municipality gives them to its own groups.
 * Controllers ask {@code @PreAuthorize("@api.may(authentication, 'zoning.start')")}; the
 * administrators' group may do everything. A permission no group has is the administrators' only.
 */
@Component("api")
public class ApiPermissions {

  private final Map<String, Set<String>> groupsByPermission = new HashMap<>();

  ApiPermissions(IdentitySettings settings) {
    for (GroupSettings group : settings.groups()) {
      for (String permission : group.api()) {
        groupsByPermission.computeIfAbsent(permission, p -> new HashSet<>()).add(group.id());
      }
    }
  }

  /** Whether the signed-in caller may do {@code permission}. */
  public boolean may(Authentication authentication, String permission) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return false;
    }
    Set<String> groups = SignedInUser.of(authentication).groups();
    return groups.contains(Groups.ADMIN)
        || groupsByPermission.getOrDefault(permission, Set.of()).stream()
            .anyMatch(groups::contains);
  }
}
