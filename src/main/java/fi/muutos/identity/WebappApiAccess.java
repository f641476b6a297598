package fi.muutos.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' own plugin APIs answer only a session that may open that webapp: Cockpit's ({@code
 * /camunda/api/cockpit/**}) a session with Cockpit, Admin's ({@code /camunda/api/admin/**}, but its
 * sign-in and first-setup paths) a session with Admin. Camunda checks the application only when a
 * page of the webapp is opened; its plugin API answered a Tasklist-only session (filtered by the
 * engine's authorizations, but still Cockpit's views). A request without a session is left to
 * Camunda (401).
 */
class WebappApiAccess extends OncePerRequestFilter {

  static final String ENGINE = "default";

  private final String webappPath;
  private final ObjectMapper objectMapper;

  WebappApiAccess(String webappPath, ObjectMapper objectMapper) {
    this.webappPath = webappPath;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return application(path(request)) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String application = application(path(request));
    HttpSession session = request.getSession(false);
    Authentication authentication =
        session == null
            ? null
            : AuthenticationUtil.getAuthsFromSession(session)
                .getAuthenticationForProcessEngine(ENGINE);
    if (authentication instanceof UserAuthentication user
        && (user.getAuthorizedApps() == null || !user.getAuthorizedApps().contains(application))) {
      Problems.write(
          response,
          objectMapper,
          HttpStatus.FORBIDDEN,
          "no-webapp",
          "Forbidden",
          Problems.text("no-webapp.detail", application));
      return;
    }
    chain.doFilter(request, response);
  }

  private String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The webapp whose plugin API the path is, or null when it is none (or open to all). */
  private String application(String path) {
    String api = webappPath + "/api/";
    if (path.startsWith(api + "cockpit/")) {
      return "cockpit";
    }
    if (path.startsWith(api + "admin/")
        && !path.startsWith(api + "admin/auth/")
        && !path.startsWith(api + "admin/setup/")) {
      return "admin";
    }
    return null;
  }
}
