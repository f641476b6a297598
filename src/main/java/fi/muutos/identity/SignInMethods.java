package fi.muutos.identity;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/**
 * Which ways of signing in this installation offers, from its configuration alone.
 *
 * @param basic HTTP Basic against the engine's accounts on {@code /api} and {@code /engine-rest}
 *     ({@code muutos.identity.basic.enabled}; on by default, off by default in {@code prod} when
 *     bearer tokens are configured)
 * @param issuer the identity provider whose bearer tokens the APIs accept ({@code
 *     spring.security.oauth2.resourceserver.jwt.issuer-uri}), or null
 * @param webapps whether the webapps sign in through the provider (the client registration {@code
 *     spring.security.oauth2.client.registration.muutos.*}) instead of their own login form
 */
record SignInMethods(boolean basic, String issuer, boolean webapps) {

  static final String REGISTRATION = "muutos";
  static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
  static final String CLIENT_ID =
      "spring.security.oauth2.client.registration." + REGISTRATION + ".client-id";
  static final String BASIC = "muutos.identity.basic.enabled";
  static final String AUDIENCE = "muutos.identity.oidc.audience";

  static SignInMethods of(Environment environment) {
    String issuer = blankToNull(environment.getProperty(ISSUER));
    boolean prod =
        Arrays.asList(environment.getActiveProfiles())
            .contains(ProductionSettingsCheck.PROD_PROFILE);
    boolean basic = environment.getProperty(BASIC, Boolean.class, !(prod && issuer != null));
    boolean webapps = blankToNull(environment.getProperty(CLIENT_ID)) != null;
    if (issuer != null && blankToNull(environment.getProperty(AUDIENCE)) == null) {
      throw new IllegalStateException(
          "Bearer tokens from "
              + issuer
              + " need the audience they must name: set "
              + AUDIENCE
              + " (a token for another application of the same provider is refused). Muutos did"
              + " not start.");
    }
    return new SignInMethods(basic, issuer, webapps);
  }

  boolean bearer() {
    return issuer != null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
