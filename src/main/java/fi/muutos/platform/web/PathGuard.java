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
 * Path tricks on the APIs ({@code //engine-rest/...}, {@code /camunda/%61pi/...}, {@code
 * /engine-rest;x/...}, encoded dots, slashes, hyphens or semicolons) are answered 400 before
 * anything else sees them: no API path needs them, and some of them would otherwise reach the
 * engine REST servlet past the checks that match its path, or end in a 500 with a stack trace in
 * the log.
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
    // the webapps' own APIs too: an encoded character in "/camunda/api" (/camunda/%61pi/...) made
    // a 500 with a stack trace in the log for every anonymous request
    boolean api =
        collapsed.startsWith("/engine-rest")
            || collapsed.startsWith("/api")
            || collapsed.startsWith("/camunda/")
                && !collapsed.startsWith("/camunda/app/")
                && !collapsed.startsWith("/camunda/assets/")
                && !collapsed.startsWith("/camunda/lib/");
    if (api && TRICKS.stream().anyMatch(trick -> uri.toLowerCase(Locale.ROOT).contains(trick))
        || encodedPrefix(uri)) {
      Problems.write(
          response,
          objectMapper,
          HttpStatus.BAD_REQUEST,
          "rejected-request",
          "Bad request",
          "Pyynnön polku ei ole tämän rajapinnan polku (the request's path is not a path of this API).");
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * An encoded character in the first two segments of a path ({@code /camunda/%61pi/...}, {@code
   * /%65ngine-rest/...}): no path of Muutos or of the webapps has one there, and the servlet
   * container would route the decoded path past the checks that match the plain one.
   */
  private static boolean encodedPrefix(String uri) {
    String[] segments = uri.split("/", 4);
    for (int i = 1; i < Math.min(segments.length, 3); i++) {
      if (segments[i].contains("%")) {
        return true;
      }
    }
    return false;
  }
}
