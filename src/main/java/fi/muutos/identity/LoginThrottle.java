package fi.muutos.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles password guessing per client address: after {@code maxFailures} failed sign-ins (HTTP
 * Basic on any path, or the webapps' login form) within {@code window}, that address is refused
 * (429, {@code Retry-After}) for {@code block}, without the password being checked, so it no longer
 * lengthens the delay of the account it attacks. The engine's own per-account delay grows with each
 * failure up to {@code login-delay-max-time} and ends by itself (Muutos never locks an account for
 * good: an anonymous client could otherwise lock out anyone, admin included).
 *
 * <p>Counted per node, in memory: a throttle, like a proxy's rate limit; with N nodes an address
 * gets at most N times the budget (docs/security.md).
 */
class LoginThrottle extends OncePerRequestFilter {

  /** {@code muutos.identity.login.*}. */
  record Settings(int maxFailures, Duration window, Duration block) {
    Settings {
      maxFailures = maxFailures <= 0 ? 20 : maxFailures;
      window = window == null ? Duration.ofMinutes(15) : window;
      block = block == null ? Duration.ofMinutes(15) : block;
    }
  }

  private static final int MAX_TRACKED = 100_000;
  private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";

  private record Failures(int count, Instant windowStart, Instant blockedUntil) {}

  private final Settings settings;
  private final ObjectMapper objectMapper;
  private final Clock clock;
  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

  LoginThrottle(Settings settings, ObjectMapper objectMapper, Clock clock) {
    this.settings = settings;
    this.objectMapper = objectMapper;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !isSignIn(request);
  }

  static boolean isSignIn(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod())
        && path.startsWith(WEBAPP_LOGIN)
        && path.contains("/login/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    Instant now = clock.instant();
    Failures failures = byAddress.get(address);
    if (failures != null
        && failures.blockedUntil() != null
        && now.isBefore(failures.blockedUntil())) {
      response.setHeader(
          HttpHeaders.RETRY_AFTER,
          Long.toString(Math.max(1, Duration.between(now, failures.blockedUntil()).toSeconds())));
      Problems.write(
          response,
          objectMapper,
          HttpStatus.TOO_MANY_REQUESTS,
          "too-many-failed-logins",
          "Too many failed sign-ins",
          Problems.text("too-many-failed-logins.detail"));
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      failed(address, now);
    }
  }

  private void failed(String address, Instant now) {
    if (byAddress.size() > MAX_TRACKED) {
      byAddress
          .values()
          .removeIf(
              f ->
                  f.windowStart().plus(settings.window()).isBefore(now)
                      && (f.blockedUntil() == null || f.blockedUntil().isBefore(now)));
      if (byAddress.size() > MAX_TRACKED) {
        byAddress.clear(); // a flood of addresses: start counting again rather than grow
      }
    }
    byAddress.compute(
        address,
        (key, old) -> {
          Failures current =
              old == null || old.windowStart().plus(settings.window()).isBefore(now)
                  ? new Failures(0, now, null)
                  : old;
          int count = current.count() + 1;
          return new Failures(
              count,
              current.windowStart(),
              count >= settings.maxFailures()
                  ? now.plus(settings.block())
                  : current.blockedUntil());
        });
  }
}
