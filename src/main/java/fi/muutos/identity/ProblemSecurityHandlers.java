package fi.muutos.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters as problem details, like every other error. */
final class ProblemSecurityHandlers {

  private final ObjectMapper objectMapper;

  ProblemSecurityHandlers(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  AuthenticationEntryPoint entryPoint() {
    return (request, response, e) -> {
      if (!fromBrowser(request)) {
        // a browser would show its own password prompt, cache what is typed and send it along
        // with requests that other sites make: browsers get no Basic challenge
        response.setHeader(
            HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Muutos\", charset=\"UTF-8\"");
      }
      write(
          response,
          HttpStatus.UNAUTHORIZED,
          "unauthorized",
          "Unauthorized",
          "Sign in with HTTP Basic authentication (the same account as in Tasklist).");
    };
  }

  /**
   * Browsers send fetch metadata ({@code Sec-Fetch-Mode}) with every request, and ask for HTML when
   * they navigate; API clients do neither.
   */
  static boolean fromBrowser(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return request.getHeader("Sec-Fetch-Mode") != null
        || accept != null && accept.contains("text/html");
  }

  AccessDeniedHandler accessDeniedHandler() {
    return (request, response, e) ->
        write(
            response,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Forbidden",
            "Your groups do not allow this.");
  }

  private void write(
      HttpServletResponse response, HttpStatus status, String slug, String title, String detail)
      throws IOException {
    Problems.write(response, objectMapper, status, slug, title, detail);
  }
}
