package fi.muutos.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
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

  public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(slug));
    problem.setTitle(title);
    return problem;
  }
}
