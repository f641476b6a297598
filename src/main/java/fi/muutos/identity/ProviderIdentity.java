package fi.muutos.identity;

import fi.muutos.identity.IdentitySettings.GroupSettings;
import fi.muutos.identity.OidcSettings.ClientAccount;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.stereotype.Component;

/**
 * The one place that turns the identity provider's claims into a Muutos person: the user id from
 * {@code user-claim}; the groups from {@code groups-claim} through {@code group-mapping} (a value
 * that is itself a Muutos group's id is that group), never more than the configured groups; a
 * technical account (client credentials) by its client id. A token that names no usable user is
 * refused with the reason.
 */
@Component
class ProviderIdentity {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderIdentity.class);

  /** Where providers put the OAuth client a token was issued to (RFC 9068, OIDC, Entra ID v1). */
  private static final List<String> CLIENT_ID_CLAIMS = List.of("client_id", "azp", "appid");

  private final OidcSettings settings;
  private final Set<String> muutosGroups;

  ProviderIdentity(OidcSettings settings, IdentitySettings identity) {
    this.settings = settings;
    this.muutosGroups =
        identity.groups().stream().map(GroupSettings::id).collect(Collectors.toUnmodifiableSet());
  }

  /** The person the claims name, or an {@link OAuth2AuthenticationException} saying why not. */
  ProviderPerson person(Map<String, Object> claims) {
    ClientAccount client = clientAccount(claims);
    if (client != null) {
      return new ProviderPerson(client.user(), known(client.groups().stream()), null, null, null);
    }
    Object userId = claims.get(settings.userClaim());
    if (!(userId instanceof String id)
        || !EngineIdentityAuthenticationProvider.plausibleUserId(id)) {
      throw refused(
          "The token names no user: its claim "
              + settings.userClaim()
              + " (muutos.identity.oidc.user-claim) is missing or not a user id.");
    }
    if (claims.containsKey("_claim_names") && !claims.containsKey(settings.groupsClaim())) {
      LOG.warn(
          "The token of {} lists too many groups and refers to them elsewhere (Entra ID's group"
              + " overage): assign only the Muutos groups to the application",
          id);
    }
    return new ProviderPerson(
        id,
        known(values(claims.get(settings.groupsClaim())).flatMap(this::muutosGroupsOf)),
        text(claims.get(settings.firstNameClaim())),
        text(claims.get(settings.lastNameClaim())),
        text(claims.get(settings.emailClaim())));
  }

  private ClientAccount clientAccount(Map<String, Object> claims) {
    return CLIENT_ID_CLAIMS.stream()
        .map(claims::get)
        .filter(String.class::isInstance)
        .map(settings.clients()::get)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private Stream<String> muutosGroupsOf(String directoryGroup) {
    List<String> mapped = settings.groupMapping().get(directoryGroup);
    if (mapped != null) {
      return mapped.stream();
    }
    return Stream.of(directoryGroup);
  }

  private Set<String> known(Stream<String> groups) {
    return groups
        .filter(muutosGroups::contains)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** A claim's values: a JSON array, or one string. */
  private static Stream<String> values(Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().filter(String.class::isInstance).map(String.class::cast);
    }
    return claim instanceof String value ? Stream.of(value) : Stream.empty();
  }

  private static String text(Object claim) {
    return claim instanceof String value && !value.isBlank() ? value.strip() : null;
  }

  static OAuth2AuthenticationException refused(String reason) {
    return new OAuth2AuthenticationException(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null), reason);
  }
}
