package fi.muutos.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.web.util.HtmlUtils;

/**
 * The webapps behind the city's identity provider: opening Tasklist, Cockpit, Admin or Welcome
 * without a session goes to the provider (OpenID Connect authorization code flow); the webapps' own
 * calls without a session get 401, which their pages answer by loading again (through the
 * provider). Signing out ({@code POST /logout} with {@code X-Requested-By}, the webapps' "Kirjaudu
 * ulos") ends the session and then the provider's (RP-initiated logout), and returns to the start
 * page.
 */
final class WebappSingleSignOn {

  static final String LOGOUT = "/logout";

  /** A header no other site can send without CORS, which Muutos does not allow. */
  static final String SIGN_OUT_HEADER = "X-Requested-By";

  private WebappSingleSignOn() {}

  static void configure(
      HttpSecurity http,
      ClientRegistrationRepository registrations,
      WebappSignIn signIn,
      String postLogoutRedirectUri)
      throws Exception {
    var paths = PathPatternRequestMatcher.withDefaults();
    var logout = new SignOutAddress(registrations);
    logout.setPostLogoutRedirectUri(postLogoutRedirectUri);
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        paths.matcher("/camunda/app/**"), paths.matcher("/camunda/api/**"))
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .oauth2Login(
            login ->
                login
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(signIn))
                    .failureHandler(failurePage()))
        .logout(
            out ->
                out.logoutRequestMatcher(
                        new AndRequestMatcher(
                            paths.matcher(HttpMethod.POST, LOGOUT),
                            new RequestHeaderRequestMatcher(SIGN_OUT_HEADER)))
                    .logoutSuccessHandler(logout))
        .exceptionHandling(
            exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                    paths.matcher("/camunda/api/**")));
  }

  /**
   * The provider's sign-out address (with the ID token as hint and the way back) as JSON, for the
   * webapps' script to go to: the webapps' Content-Security-Policy ({@code form-action 'self'})
   * stops a form whose answer redirects to another site, but not a page that goes there itself.
   */
  static final class SignOutAddress extends OidcClientInitiatedLogoutSuccessHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    SignOutAddress(ClientRegistrationRepository registrations) {
      super(registrations);
    }

    @Override
    public void onLogoutSuccess(
        HttpServletRequest request, HttpServletResponse response, Authentication authentication)
        throws IOException {
      String location = determineTargetUrl(request, response, authentication);
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/json");
      response.setHeader("Cache-Control", "no-store");
      JSON.writeValue(response.getOutputStream(), Map.of("location", location));
    }
  }

  /** A refused sign-in (no user id in the token, the provider's error) says why, in Finnish. */
  private static AuthenticationFailureHandler failurePage() {
    return (request, response, e) -> {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("text/html;charset=UTF-8");
      response.setHeader("Cache-Control", "no-store");
      String page =
          """
          <!doctype html>
          <html lang="fi"><head><meta charset="utf-8"><title>Kirjautuminen ei onnistunut</title>
          <link rel="stylesheet" href="/muutos.css"></head>
          <body><main><h1>Kirjautuminen ei onnistunut</h1>
          <p>Tunnistuspalvelu tai Muutos ei hyväksynyt kirjautumista:</p><p><code>%s</code></p>
          <p><a href="/camunda/app/tasklist/">Yritä uudelleen</a> · <a href="/">Etusivulle</a></p>
          </main></body></html>
          """
              .formatted(HtmlUtils.htmlEscape(e.getMessage()));
      response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    };
  }
}
