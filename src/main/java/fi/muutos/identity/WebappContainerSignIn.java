package fi.muutos.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Signs the person whom the identity provider signed in (Spring Security's session) into the
 * Camunda webapps, with the token's groups: Camunda's container-based authentication, which
 * replaces the webapps' own login form. Camunda creates it by its class name, so it is public with
 * a public constructor.
 */
public class WebappContainerSignIn extends ContainerBasedAuthenticationProvider {

  public WebappContainerSignIn() {
    // created by Camunda's ContainerBasedAuthenticationFilter
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof OAuth2AuthenticationToken token)) {
      return AuthenticationResult.unsuccessful();
    }
    SignedInUser user = SignedInUser.of(token);
    AuthenticationResult result = AuthenticationResult.successful(user.id());
    result.setGroups(List.copyOf(user.groups()));
    return result;
  }
}
