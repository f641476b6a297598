package fi.muutos.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No state-changing call to {@code /api} or {@code /engine-rest} from another site. A browser sends
 * an HTML form or a "simple" cross-site request without a preflight only with a form or text
 * content type and no custom header, so a call that changes state must carry what such a request
 * cannot: a body of another type (JSON, YAML, CloudEvents, ...) or a custom header ({@code
 * X-Requested-By}, or CloudEvents' {@code ce-specversion}). Requests that a browser marks as coming
 * from another site ({@code Sec-Fetch-Site}, {@code Origin}) are refused outright. Muutos allows no
 * CORS, so a cross-site request with a custom header never gets past its preflight.
 */
class CrossSiteRequests extends OncePerRequestFilter {

  static final String REQUESTED_BY = "X-Requested-By";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final ObjectMapper objectMapper;

  CrossSiteRequests(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return SAFE.contains(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (fromAnotherSite(request)) {
      refuse(
          request,
          response,
          "Toiselta sivustolta tuleva pyyntö ei voi muuttaa täällä mitään (a request from another site may not change anything here).");
      return;
    }
    if (formLike(request.getContentType())
        && request.getHeader(REQUESTED_BY) == null
        && request.getHeader("ce-specversion") == null) {
      refuse(
          request,
          response,
          "A request that changes something must send a body of its own "
              + "type (such as Content-Type: application/json) or the header "
              + REQUESTED_BY
              + " (any value); a form on another site can send neither.");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean fromAnotherSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if ("cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site)) {
      return true;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    try {
      URI from = URI.create(origin);
      String host = request.getHeader("Host");
      String authority = from.getHost() + (from.getPort() < 0 ? "" : ":" + from.getPort());
      return from.getHost() == null || !authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return true; // "null" (a sandboxed frame) or garbage: not this site
    }
  }

  /**
   * What a page on another site can send without a preflight: no body type, or one of the three
   * "CORS-safelisted" types of HTML forms and simple requests.
   */
  static boolean formLike(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return SIMPLE.stream().anyMatch(simple -> simple.equalsTypeAndSubtype(type));
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static final List<MediaType> SIMPLE =
      List.of(
          MediaType.APPLICATION_FORM_URLENCODED,
          MediaType.MULTIPART_FORM_DATA,
          MediaType.TEXT_PLAIN);

  private void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    try { // read what was sent (the request size limit bounds it): the connection stays usable
      request.getInputStream().transferTo(OutputStream.nullOutputStream());
    } catch (IOException | RuntimeException tooLargeOrBroken) {
      // the refusal stands either way
    }
    Problems.write(
        response,
        objectMapper,
        HttpStatus.FORBIDDEN,
        "cross-site-request",
        "Refused: not provably from this site",
        detail);
  }
}
