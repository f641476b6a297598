package fi.muutos.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets someone signed into the Camunda webapps (Tasklist, Cockpit) read {@code /api} from the same
 * browser, for the dashboard. For GET and HEAD only, except the person's own settings ({@code
 * /api/me/...}: reminders, the calendar address), which the same browser may also change when it
 * sends the header {@code X-Requested-By} (a cross-site form cannot, and a cross-site script cannot
 * get past the preflight; {@link CrossSiteRequests} refuses any other site besides). All other
 * state-changing calls still need HTTP Basic. Basic credentials, when sent, take precedence. The
 * account and its groups are read again on every request.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  private final IdentityService identityService;

  WebappSessionAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    boolean reads = "GET".equals(method) || "HEAD".equals(method);
    boolean ownSettings =
        request.getRequestURI().startsWith(request.getContextPath() + "/api/me/")
            && request.getHeader(CrossSiteRequests.REQUESTED_BY) != null;
    return !(reads || ownSettings)
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
      var authentication =
          AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(ENGINE);
      if (authentication instanceof UserAuthentication user
          && identityService.createUserQuery().userId(user.getName()).count() == 1) {
        // the groups as they are now, not as they were at sign-in: a user removed from a group,
        // or deleted, loses what it gave at once (Camunda's webapps re-check on their own cycle)
        List<SimpleGrantedAuthority> roles =
            identityService.createGroupQuery().groupMember(user.getName()).list().stream()
                .map(
                    group ->
                        new SimpleGrantedAuthority(
                            EngineIdentityAuthenticationProvider.ROLE_PREFIX + group.getId()))
                .toList();
        SecurityContextHolder.getContext()
            .setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, roles));
      }
    }
    chain.doFilter(request, response);
  }
}
