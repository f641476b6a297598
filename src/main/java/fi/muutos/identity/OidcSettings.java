package fi.muutos.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the tokens of the city's identity provider (OpenID Connect: Entra ID, Keycloak, ...) name a
 * person and their groups ({@code muutos.identity.oidc.*}). Used when the webapps sign in through
 * the provider or the APIs accept its bearer tokens (docs/security.md, "Single sign-on").
 *
 * @param userClaim the claim that is the engine's user id (Keycloak: {@code preferred_username})
 * @param groupsClaim the claim that lists the person's groups in the directory
 * @param audience the audience every bearer token must name (required with an issuer)
 * @param groupMapping a directory group (Entra ID: its object id) to the Muutos groups it gives; a
 *     directory group that is itself the id of a Muutos group gives that group without a mapping
 * @param clients technical accounts by OAuth client id (client-credentials flow): the user id they
 *     act as and their groups
 * @param firstNameClaim the person's first name, for Tasklist
 * @param lastNameClaim the person's last name
 * @param emailClaim the person's e-mail address, for reminders
 * @param postLogoutRedirectUri where the provider sends the browser after signing out
 */
@Validated
@ConfigurationProperties("muutos.identity.oidc")
record OidcSettings(
    String userClaim,
    String groupsClaim,
    String audience,
    Map<String, List<String>> groupMapping,
    @Valid Map<String, ClientAccount> clients,
    String firstNameClaim,
    String lastNameClaim,
    String emailClaim,
    String postLogoutRedirectUri) {

  OidcSettings {
    userClaim = orDefault(userClaim, "preferred_username");
    groupsClaim = orDefault(groupsClaim, "groups");
    audience = audience == null || audience.isBlank() ? null : audience.strip();
    groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
    clients = clients == null ? Map.of() : Map.copyOf(clients);
    firstNameClaim = orDefault(firstNameClaim, "given_name");
    lastNameClaim = orDefault(lastNameClaim, "family_name");
    emailClaim = orDefault(emailClaim, "email");
    postLogoutRedirectUri = orDefault(postLogoutRedirectUri, "{baseUrl}/");
  }

  /**
   * A technical account that signs in with the client-credentials flow.
   *
   * @param user the engine user id it acts as (the events' senders are configured by it)
   * @param groups its Muutos groups
   */
  record ClientAccount(@NotBlank String user, List<@NotBlank String> groups) {

    ClientAccount {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
