package fi.muutos.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks user name and password against the engine's identity service, so {@code /api} and {@code
 * /engine-rest} accept exactly the accounts of Tasklist and Cockpit (including the engine's
 * lock-out after repeated wrong passwords). Each Camunda group becomes the role {@code
 * ROLE_<group>}.
 */
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String ROLE_PREFIX = "ROLE_";
  private static final int MAX_LENGTH = 255;

  private final IdentityService identityService;

  EngineIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (!plausibleUserId(userId)
        || !(credentials instanceof String password)
        || password.length() > MAX_LENGTH
        || !identityService.checkPassword(userId, password)) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    List<GrantedAuthority> roles =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(ROLE_PREFIX + id))
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, roles);
  }

  /**
   * Engine user ids are short and printable; anything else cannot be an account, and is refused
   * before it reaches the database (a NUL byte, for one, is an error in PostgreSQL text).
   */
  static boolean plausibleUserId(String userId) {
    return userId != null
        && !userId.isBlank()
        && userId.length() <= MAX_LENGTH
        && userId.chars().noneMatch(Character::isISOControl);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
