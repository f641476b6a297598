package fi.muutos.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The user of an {@code /api} request and their Camunda groups. */
public record SignedInUser(String id, Set<String> groups) {

  public SignedInUser {
    groups = Set.copyOf(groups);
  }

  public static SignedInUser of(Authentication authentication) {
    return new SignedInUser(
        authentication.getName(),
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith(EngineIdentityAuthenticationProvider.ROLE_PREFIX))
            .map(a -> a.substring(EngineIdentityAuthenticationProvider.ROLE_PREFIX.length()))
            .collect(Collectors.toSet()));
  }
}
