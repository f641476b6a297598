package fi.muutos.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A lost database outside Spring MVC is a 503 too. The API's exception handler and the engine REST
 * API's error mapper answer 503 for what fails inside them; this catches the rest, above all
 * signing in, which reads the user from the database before any controller runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  private final ObjectMapper objectMapper;

  DatabaseOutageFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("Database unavailable: {}", e.getMessage());
      response.resetBuffer();
      response.setHeader("Retry-After", "5");
      Problems.write(
          response,
          objectMapper,
          HttpStatus.SERVICE_UNAVAILABLE,
          "unavailable",
          "Service unavailable",
          DatabaseOutage.DETAIL);
    }
  }
}
