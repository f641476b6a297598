package fi.muutos.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated user and groups to the engine for the duration of an {@code /engine-rest}
 * request, so the engine's authorization checks apply to REST clients exactly as they do in the
 * webapps (what Camunda's own ProcessEngineAuthenticationFilter does).
 */
class EngineRestAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineRestAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    SignedInUser user = SignedInUser.of(authentication);
    identityService.setAuthentication(user.id(), List.copyOf(user.groups()));
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
