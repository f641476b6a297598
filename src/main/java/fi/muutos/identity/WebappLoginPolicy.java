package fi.muutos.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.identity.IdentitySettings.GroupSettings;
import fi.muutos.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accounts whose groups open no webapp (technical accounts such as the meeting system) cannot sign
 * into any webapp, Welcome included (Camunda lets every account into Welcome). The password is
 * checked first, so the answer says no more than Camunda's own "not allowed here" (403).
 */
class WebappLoginPolicy extends OncePerRequestFilter {

  private static final String LOGIN = "/camunda/api/admin/auth/user/";

  private final IdentityService identityService;
  private final IdentitySettings identity;
  private final ObjectMapper objectMapper;

  WebappLoginPolicy(
      IdentityService identityService, IdentitySettings identity, ObjectMapper objectMapper) {
    this.identityService = identityService;
    this.identity = identity;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("POST".equals(request.getMethod())
        && path.startsWith(LOGIN)
        && path.contains("/login/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = request.getParameter("username");
    if (user == null
        || !EngineIdentityAuthenticationProvider.plausibleUserId(user)
        || opensAWebapp(user)) {
      chain.doFilter(request, response);
      return;
    }
    String password = request.getParameter("password");
    if (password == null || !identityService.checkPassword(user, password)) {
      Problems.write(
          response,
          objectMapper,
          HttpStatus.UNAUTHORIZED,
          "unauthorized",
          "Unauthorized",
          Problems.text("unauthorized.detail"));
      return;
    }
    Problems.write(
        response,
        objectMapper,
        HttpStatus.FORBIDDEN,
        "no-webapp",
        "Forbidden",
        "Tämä on tekninen tunnus: se käyttää rajapintoja, ei sovelluksia (a technical account uses the APIs, not the webapps).");
  }

  /** Whether one of the user's groups opens a webapp (administrators open all). */
  boolean opensAWebapp(String userId) {
    Set<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .collect(Collectors.toSet());
    if (groups.contains(Groups.ADMIN)) {
      return true;
    }
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      return true; // no such account: Camunda's own login answers, as for any wrong password
    }
    return identity.groups().stream()
        .filter(group -> groups.contains(group.id()))
        .map(GroupSettings::applications)
        .anyMatch(apps -> !apps.isEmpty());
  }
}
