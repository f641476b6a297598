package fi.muutos.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.web.Problems;
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
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Muutos\", charset=\"UTF-8\"");
      write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
          "Sign in with HTTP Basic authentication (the same account as in Tasklist).");
    };
  }

  AccessDeniedHandler accessDeniedHandler() {
    return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "forbidden",
        "Forbidden", "Your groups do not allow this.");
  }

  private void write(HttpServletResponse response, HttpStatus status, String slug, String title,
      String detail) throws IOException {
    Problems.write(response, objectMapper, status, slug, title, detail);
  }
}
