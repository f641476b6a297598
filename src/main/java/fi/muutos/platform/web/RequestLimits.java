package fi.muutos.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits every request meets before any other code sees it.
 *
 * <p>Parameters may not contain control characters other than tab and line breaks (400): a NUL
 * byte, for one, cannot be stored in PostgreSQL text and would otherwise fail deep inside a query.
 *
 * <p>Every request body has a limit ({@code muutos.web.max-request-size}, 2 MB unless set): Tomcat
 * limits only form posts, so without this a client could make the application read any amount of
 * JSON. A declared larger body is refused at once with 413 before anything reads it (or signs the
 * caller in); a streamed (chunked) body is cut off at the limit, which the request then fails on as
 * an unreadable body (400). Either way nothing is stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLimits extends OncePerRequestFilter {

  private final long limit;
  private final ObjectMapper objectMapper;

  RequestLimits(
      @Value("${muutos.web.max-request-size:2MB}") DataSize limit, ObjectMapper objectMapper) {
    this.limit = limit.toBytes();
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      response.setHeader("Connection", "close");
      refuse(
          response,
          HttpStatus.PAYLOAD_TOO_LARGE,
          "request-too-large",
          "Request too large",
          "Pyynnön sisältö on "
              + declared
              + " tavua; enintään "
              + limit
              + " hyväksytään (the request body has "
              + declared
              + " bytes; at most "
              + limit
              + " are accepted).");
      return;
    }
    if (request.getQueryString() != null
        && request.getParameterMap().entrySet().stream()
            .anyMatch(
                p ->
                    hasControl(p.getKey())
                        || Arrays.stream(p.getValue()).anyMatch(RequestLimits::hasControl))) {
      refuse(
          response,
          HttpStatus.BAD_REQUEST,
          "invalid-parameter",
          "Invalid parameter",
          "Pyynnön parametrissa on ohjausmerkki (a request parameter contains a control character).");
      return;
    }
    chain.doFilter(declared >= 0 ? request : new Limited(request, limit), response);
  }

  static boolean hasControl(String value) {
    return value
        .chars()
        .anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
  }

  private void refuse(
      HttpServletResponse response, HttpStatus status, String slug, String title, String detail)
      throws IOException {
    Problems.write(response, objectMapper, status, slug, title, detail);
  }

  /** A request whose body stream ends in an error past the limit. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws IOException {
                read += n;
                if (read > limit) {
                  throw new IOException("The request body is larger than " + limit + " bytes");
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
