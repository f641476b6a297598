package fi.muutos.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with stable types. A type is a URN ({@code urn:muutos:problem:<slug>}):
 * stable for clients to switch on, without pretending to be a page that can be fetched.
 */
public final class Problems {

  public static final String TYPE_PREFIX = "urn:muutos:problem:";

  private Problems() {}

  public static URI type(String slug) {
    return URI.create(TYPE_PREFIX + slug);
  }

  /** Writes a problem as a response, for filters that answer before Spring MVC. */
  public static void write(
      HttpServletResponse response,
      ObjectMapper objectMapper,
      HttpStatus status,
      String slug,
      String title,
      String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    objectMapper.writeValue(response.getOutputStream(), of(status, slug, title, detail));
  }

  public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(slug));
    problem.setTitle(title);
    return problem;
  }
}
