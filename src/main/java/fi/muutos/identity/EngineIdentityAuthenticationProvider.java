package fi.muutos.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * /engine-rest} accept exactly the accounts of Tasklist and Cockpit (including the engine's delay
 * after wrong passwords). Each Camunda group becomes the role {@code ROLE_<group>}. A sign-in
 * verified moments ago is taken from {@link IdentityCaches} (which any change of the account, its
 * password or its groups empties), so a client's every request does not read the account and its
 * groups again.
 */
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String ROLE_PREFIX = "ROLE_";
  private static final String HMAC = "HmacSHA256";
  private static final int MAX_LENGTH = 255;

  private final IdentityService identityService;
  private final IdentityCaches caches;

  /** Keys the kept sign-ins by a keyed hash of the password, never the password itself. */
  private final Mac signInKey;

  EngineIdentityAuthenticationProvider(IdentityService identityService, IdentityCaches caches) {
    this.identityService = identityService;
    this.caches = caches;
    try {
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      this.signInKey = Mac.getInstance(HMAC);
      signInKey.init(new SecretKeySpec(secret, HMAC));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (!plausibleUserId(userId)
        || !(credentials instanceof String password)
        || password.length() > MAX_LENGTH) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    // a sign-in verified moments ago, unless the account, its password or its groups changed since
    String key = signInKey(userId, password);
    Set<String> groups = caches.signIn(key);
    if (groups == null) {
      long readAt = caches.generation();
      if (!identityService.checkPassword(userId, password)) {
        throw new BadCredentialsException("Wrong user name or password");
      }
      groups =
          identityService.createGroupQuery().groupMember(userId).list().stream()
              .map(Group::getId)
              .collect(Collectors.toSet());
      caches.rememberSignIn(key, groups, readAt);
    }
    List<GrantedAuthority> roles =
        groups.stream()
            .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(ROLE_PREFIX + id))
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, roles);
  }

  private String signInKey(String userId, String password) {
    byte[] hash;
    synchronized (signInKey) {
      hash = signInKey.doFinal(password.getBytes(StandardCharsets.UTF_8));
    }
    return userId + ':' + Base64.getEncoder().encodeToString(hash);
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
