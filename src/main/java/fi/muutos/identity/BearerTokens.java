package fi.muutos.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Bearer tokens of the city's identity provider on {@code /api} and {@code /engine-rest}: checked
 * (signature against the provider's published keys, issuer, expiry with a minute's clock skew, and
 * the audience {@code muutos.identity.oidc.audience}), then turned into the person and groups
 * exactly like a Basic sign-in ({@code ROLE_<group>}), so {@link ApiPermissions} and the engine's
 * authorizations apply unchanged.
 */
final class BearerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

  private final ProviderIdentity identity;
  private final EngineAccounts accounts;

  BearerTokens(ProviderIdentity identity, EngineAccounts accounts) {
    this.identity = identity;
    this.accounts = accounts;
  }

  /**
   * The provider's keys are fetched on the first token, not at start-up: Muutos starts while the
   * provider is unreachable, and its Basic accounts keep working.
   */
  static JwtDecoder decoder(String issuer, String audience) {
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
          decoder.setJwtValidator(
              new DelegatingOAuth2TokenValidator<>(
                  JwtValidators.createDefaultWithIssuer(issuer),
                  new JwtClaimValidator<Collection<String>>(
                      JwtClaimNames.AUD,
                      audiences -> audiences != null && audiences.contains(audience))));
          return decoder;
        });
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    ProviderPerson person = identity.person(jwt.getClaims());
    accounts.remember(person);
    return new JwtAuthenticationToken(jwt, roles(person), person.userId());
  }

  static List<GrantedAuthority> roles(ProviderPerson person) {
    return person.groups().stream()
        .<GrantedAuthority>map(
            group ->
                new SimpleGrantedAuthority(
                    EngineIdentityAuthenticationProvider.ROLE_PREFIX + group))
        .toList();
  }
}
