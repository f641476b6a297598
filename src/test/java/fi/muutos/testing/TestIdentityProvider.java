package fi.muutos.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect provider for the tests (NAV's mock-oauth2-server: discovery, keys, the
 * authorization code flow with its redirects, client credentials, RP-initiated logout), and Muutos
 * configured against it as a city would: the webapps' client registration, bearer tokens for the
 * APIs with the audience {@value #AUDIENCE}, the meeting system's client {@value
 * #MEETING_SYSTEM_CLIENT}, and one Entra-ID-like group object id mapped to {@code johtoryhma}.
 */
public class TestIdentityProvider
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String ISSUER_ID = "kaupunki";
  public static final String AUDIENCE = "muutos";
  public static final String WEBAPP_CLIENT = "muutos-webapps";
  public static final String MEETING_SYSTEM_CLIENT = "muutos-kokous";

  /** A directory group named by its object id, as Entra ID sends it. */
  public static final String MANAGEMENT_GROUP_OBJECT_ID = "5f0b6a0e-3c1d-4f5e-9a7b-2d8c1e4f6a90";

  private static final KeyProvider KEYS = new KeyProvider(List.of());
  private static MockOAuth2Server server;

  public static synchronized MockOAuth2Server server() {
    if (server == null) {
      server =
          new MockOAuth2Server(
              new OAuth2Config(false, null, new OAuth2TokenProvider(KEYS), Set.of()));
      server.start();
    }
    return server;
  }

  /** The provider's own signing key, for tokens the provider would not issue (expired ones). */
  public static RSAKey signingKey() {
    server();
    return (RSAKey) KEYS.signingKey(ISSUER_ID);
  }

  /** Claims signed with the provider's own key. */
  public static String signed(JWTClaimsSet claims) {
    return signed(claims, signingKey());
  }

  public static String signed(JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String issuer() {
    return server().issuerUrl(ISSUER_ID).toString();
  }

  /** An access token for Muutos naming this person and these directory groups. */
  public static String token(String user, List<String> groups) {
    return server()
        .issueToken(
            ISSUER_ID,
            "testiasiakas",
            callback(user, AUDIENCE, person(user, "Testi", user, groups)))
        .serialize();
  }

  /** The next sign-in through the provider's authorization endpoint names this person. */
  public static void nextSignIn(String user, String name, List<String> groups) {
    String[] names = name.split(" ");
    server()
        .enqueueCallback(callback(user, WEBAPP_CLIENT, person(user, names[0], names[1], groups)));
  }

  /** The next sign-in through the provider names no user (no {@code preferred_username}). */
  public static void nextSignInWithoutAUserName() {
    server()
        .enqueueCallback(
            callback("anonyymi", WEBAPP_CLIENT, Map.of("groups", List.of("kaavoitus"))));
  }

  private static Map<String, Object> person(
      String user, String firstName, String lastName, List<String> groups) {
    return Map.of(
        "preferred_username",
        user,
        "groups",
        groups,
        "given_name",
        firstName,
        "family_name",
        lastName,
        "email",
        user + "@kaupunki.example");
  }

  private static DefaultOAuth2TokenCallback callback(
      String subject, String audience, Map<String, Object> claims) {
    return new DefaultOAuth2TokenCallback(
        ISSUER_ID, subject, "JWT", List.of(audience), claims, 3600);
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer(),
            "muutos.identity.oidc.audience=" + AUDIENCE,
            "muutos.identity.oidc.group-mapping." + MANAGEMENT_GROUP_OBJECT_ID + "=johtoryhma",
            "muutos.identity.oidc.clients." + MEETING_SYSTEM_CLIENT + ".user=kokousjarjestelma",
            "muutos.identity.oidc.clients." + MEETING_SYSTEM_CLIENT + ".groups=integraatio",
            "spring.security.oauth2.client.registration.muutos.client-id=" + WEBAPP_CLIENT,
            "spring.security.oauth2.client.registration.muutos.client-secret=testisalaisuus",
            "spring.security.oauth2.client.registration.muutos.scope=openid,profile,email",
            "spring.security.oauth2.client.provider.muutos.issuer-uri=" + issuer())
        .applyTo(context);
  }
}
