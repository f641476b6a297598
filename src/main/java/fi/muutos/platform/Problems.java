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
    problem.setTitle(textOr(slug + ".title", textOr("status." + status.value(), title)));
    return problem;
  }

  private static final String BUNDLE = "i18n/problems";

  /**
   * A problem's text in the reader's language (issue 36): Finnish, unless the request asks for
   * English first (Accept-Language). Every key is in both bundles ({@code ProblemTextsTest}); a key
   * that is not answers itself, never an untranslated sentence.
   */
  public static String text(String key, Object... arguments) {
    return textOr(key, key, arguments);
  }

  private static String textOr(String key, String fallback, Object... arguments) {
    try {
      String pattern =
          java.util.ResourceBundle.getBundle(BUNDLE, locale(), NO_FALLBACK).getString(key);
      return arguments.length == 0
          ? pattern
          : new java.text.MessageFormat(pattern, locale()).format(arguments);
    } catch (java.util.MissingResourceException missing) {
      return fallback;
    }
  }

  /** Properties files (read as UTF-8), and no fall-back to the server's own locale. */
  private static final java.util.ResourceBundle.Control NO_FALLBACK =
      java.util.ResourceBundle.Control.getNoFallbackControl(
          java.util.ResourceBundle.Control.FORMAT_PROPERTIES);

  /** English when the request's first language is English; Finnish otherwise (also no request). */
  static java.util.Locale locale() {
    var attributes =
        org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
    if (attributes
        instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
      String accepted = servlet.getRequest().getHeader("Accept-Language");
      if (accepted != null
          && accepted.strip().toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
        return java.util.Locale.ENGLISH;
      }
    }
    return java.util.Locale.ROOT;
  }
}
