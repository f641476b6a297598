package fi.muutos.identity;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person returning from the identity provider to the webapps: the ID token and user info
 * (Spring's {@link OidcUserService} checks them) become the Muutos person, who is made known to the
 * engine with the token's groups before the webapps see them ({@link WebappContainerSignIn}).
 */
final class WebappSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService provider = new OidcUserService();
  private final ProviderIdentity identity;
  private final EngineAccounts accounts;
  private final OidcSettings settings;

  WebappSignIn(ProviderIdentity identity, EngineAccounts accounts, OidcSettings settings) {
    this.identity = identity;
    this.accounts = accounts;
    this.settings = settings;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = provider.loadUser(request);
    ProviderPerson person = identity.person(user.getClaims());
    // a new sign-in writes whatever the directory says now (a group removed there is gone here)
    accounts.forget(person.userId());
    accounts.remember(person);
    return new DefaultOidcUser(
        BearerTokens.roles(person), user.getIdToken(), user.getUserInfo(), settings.userClaim());
  }
}
