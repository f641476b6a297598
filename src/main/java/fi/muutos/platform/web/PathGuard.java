package fi.muutos.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Path tricks on the APIs ({@code //engine-rest/...}, {@code /engine-rest;x/...}, encoded dots,
 * slashes, hyphens or semicolons) are answered 400 before anything else sees them: no API path
 * needs them, and some of them would otherwise reach the engine REST servlet past the checks that
 * match its path, or end in a 500 with a stack trace in the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PathGuard extends OncePerRequestFilter {

  private static final List<String> TRICKS =
      List.of("//", ";", "%2e", "%2f", "%5c", "%2d", "%3b", "%25", "%00", "\\");

  private final ObjectMapper objectMapper;

  PathGuard(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    String collapsed = uri.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
    boolean api = collapsed.startsWith("/engine-rest") || collapsed.startsWith("/api");
    if (api && TRICKS.stream().anyMatch(trick -> uri.toLowerCase(Locale.ROOT).contains(trick))) {
      Problems.write(
          response,
          objectMapper,
          HttpStatus.BAD_REQUEST,
          "rejected-request",
          "Bad request",
          "The request's path is not a path of this API.");
      return;
    }
    chain.doFilter(request, response);
  }
}
