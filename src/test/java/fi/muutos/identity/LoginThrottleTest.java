package fi.muutos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.MutableClock;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The per-address throttle of failed sign-ins, on its own (every other test signs in from
 * 127.0.0.1).
 */
class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(ZoneOffset.UTC);
  private final LoginThrottle throttle =
      new LoginThrottle(
          new LoginThrottle.Settings(3, Duration.ofMinutes(15), Duration.ofMinutes(15)),
          new ObjectMapper(),
          clock);

  @Test
  void anAddressIsRefusedAfterItsFailuresUntilTheBlockEnds() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(signIn("10.0.0.1", 401)).isEqualTo(401);
    }
    assertThat(signIn("10.0.0.1", 200))
        .as("blocked, the password is not even checked")
        .isEqualTo(429);
    assertThat(signIn("10.0.0.2", 200)).as("another address").isEqualTo(200);
    clock.advance(Duration.ofMinutes(16));
    assertThat(signIn("10.0.0.1", 200)).isEqualTo(200);
  }

  @Test
  void failuresOutsideTheWindowDoNotAddUp() throws Exception {
    signIn("10.0.0.3", 401);
    signIn("10.0.0.3", 401);
    clock.advance(Duration.ofMinutes(16));
    signIn("10.0.0.3", 401);
    assertThat(signIn("10.0.0.3", 200)).isEqualTo(200);
  }

  @Test
  void requestsWithoutCredentialsAreNotSignIns() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(request("10.0.0.4", null, 401)).isEqualTo(401);
    }
    assertThat(signIn("10.0.0.4", 200)).isEqualTo(200);
  }

  /** A Basic sign-in from {@code address} that the application answers with {@code status}. */
  private int signIn(String address, int status) throws Exception {
    return request(address, "Basic eDp5", status);
  }

  /** A request through the throttle to an application that answers {@code status}. */
  private int request(String address, String authorization, int status) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/strategy");
    request.setRemoteAddr(address);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    throttle.doFilter(
        request,
        response,
        new MockFilterChain(
            new HttpServlet() {
              @Override
              protected void service(HttpServletRequest req, HttpServletResponse res) {
                res.setStatus(status);
              }
            }));
    return response.getStatus();
  }
}
