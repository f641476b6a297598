package fi.muutos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Security on by default: who gets in where, over real HTTP against the running application. */
@IntegrationTest
class SecurityTest {

  @LocalServerPort int port;

  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void anonymousRequestsToEngineRestAndApiGet401ProblemDetails() {
    for (String path :
        new String[] {
          "/engine-rest/process-definition", "/engine-rest/task", "/api/strategy", "/api/anything"
        }) {
      HttpResponse<String> response = http.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("application/problem+json");
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .get()
          .asString()
          .startsWith("Basic");
      assertThat(response.body()).contains("\"type\":\"urn:muutos:problem:unauthorized\"");
    }
  }

  @Test
  void aBearerTokenWithoutAnIdentityProviderIsUnauthorised() {
    // no provider configured: a token is no way in, and nothing offers one
    HttpResponse<String> response =
        http.withSession(
            "GET", "/api/strategy", null, "Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().allValues("WWW-Authenticate"))
        .noneMatch(v -> v.startsWith("Bearer"));
  }

  @Test
  void aWrongPasswordGets401() {
    // (a user no other test signs in as: the engine delays the next login after a wrong password)
    assertThat(http.get("/engine-rest/task", "henkilostopaallikko", "wrong").statusCode())
        .isEqualTo(401);
    assertThat(http.get("/api/anything", "nobody", "demo").statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownApiPathIsA404ProblemForAnAuthenticatedUser() {
    HttpResponse<String> response = http.get("/api/no-such-thing", "kaavoittaja", "demo");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
  }

  @Test
  void plannerUsesTasklistButNotCockpitOrAdmin() {
    assertThat(http.webappLogin("tasklist", "kaavoittaja", "demo").statusCode()).isEqualTo(200);
    assertThat(new HttpTestClient(port).webappLogin("cockpit", "kaavoittaja", "demo").statusCode())
        .isEqualTo(403);
    assertThat(new HttpTestClient(port).webappLogin("admin", "kaavoittaja", "demo").statusCode())
        .isEqualTo(403);
  }

  @Test
  void cityManagerOpensCockpitButNotAdmin() {
    assertThat(http.webappLogin("cockpit", "kaupunginjohtaja", "demo").statusCode()).isEqualTo(200);
    assertThat(
            new HttpTestClient(port).webappLogin("admin", "kaupunginjohtaja", "demo").statusCode())
        .isEqualTo(403);
  }

  /**
   * A webapp session reads /api; it changes only the person's own settings, and only with the
   * same-site header; everything else that changes state needs the person's credentials.
   */
  @Test
  void aReadWithTheWebappSessionKeepsTheSessionAsItIs() {
    // Cockpit's Strategia plugin and the dashboard read /api while Cockpit's own requests run on
    // the same session: the read must not give the session a new id (the old one would be signed
    // out under Cockpit's feet)
    HttpTestClient browser = new HttpTestClient(port);
    assertThat(browser.webappLogin("cockpit", "kaupunginjohtaja", "demo").statusCode())
        .isEqualTo(200);
    HttpResponse<String> read = browser.withSession("GET", "/api/strategy/summary", null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().allValues("Set-Cookie"))
        .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    assertThat(
            browser.withSession("GET", "/camunda/api/admin/auth/user/default", null).statusCode())
        .as("still signed in to Cockpit")
        .isEqualTo(200);
  }

  @Test
  void aWebappSessionChangesOnlyItsOwnSettingsAndOnlyWithTheSameSiteHeader() {
    HttpTestClient browser = new HttpTestClient(port);
    assertThat(browser.webappLogin("tasklist", "kaavoittaja", "demo").statusCode()).isEqualTo(200);
    String choice = "{\"digest\":true,\"warnings\":true}";
    assertThat(browser.withSession("GET", "/api/me/notifications", null).statusCode())
        .isEqualTo(200);
    assertThat(
            browser
                .withSession("PUT", "/api/me/notifications", choice, "X-Requested-By", "page")
                .statusCode())
        .isEqualTo(200);
    assertThat(browser.withSession("PUT", "/api/me/notifications", choice).statusCode())
        .isEqualTo(401);
    assertThat(
            browser
                .withSession(
                    "POST",
                    "/api/zoning/plans",
                    "{\"name\":\"Istuntokaava\",\"type\":\"DETAILED_PLAN\"}",
                    "X-Requested-By",
                    "page")
                .statusCode())
        .isEqualTo(401);
    assertThat(
            browser
                .withSession(
                    "PUT",
                    "/api/me/notifications",
                    choice,
                    "X-Requested-By",
                    "page",
                    "Origin",
                    "https://evil.example")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void adminOpensAdmin() {
    assertThat(http.webappLogin("admin", "admin", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void plannerSeesOwnAndGroupFiltersOnly() {
    HttpResponse<String> filters = http.get("/engine-rest/filter", "kaavoittaja", "demo");
    assertThat(filters.statusCode()).isEqualTo(200);
    assertThat(filters.body())
        .contains(
            "\"Omat ja ryhmieni tehtävät\"",
            "\"Minulle osoitetut tehtävät\"",
            "\"Ryhmän tehtävät – Kaavoitus\"")
        .doesNotContain("Kirjaamo", "Talouspalvelut");
  }

  @Test
  void engineRestAppliesTheEngineAuthorizationsOfTheCaller() {
    String path = "/engine-rest/process-definition?key=foundationCheck";
    // the planner's group takes part in zoning only, not in this process
    assertThat(http.get(path, "kaavoittaja", "demo").body()).isEqualTo("[]");
    // management reads every process
    assertThat(http.get(path, "kaupunginjohtaja", "demo").body())
        .contains("\"key\":\"foundationCheck\"");
    // neither may start it; an administrator may
    String start = "/engine-rest/process-definition/key/foundationCheck/start";
    // (to the planner the definition does not exist at all)
    assertThat(http.postJson(start, "kaavoittaja", "demo", "{}").statusCode()).isEqualTo(404);
    assertThat(http.postJson(start, "kaupunginjohtaja", "demo", "{}").statusCode()).isEqualTo(403);
    assertThat(http.postJson(start, "admin", "demo", "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void healthIsPublicAndOtherActuatorEndpointsNeedAnAdmin() {
    assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(http.get("/actuator/metrics").statusCode()).isEqualTo(401);
    assertThat(http.get("/actuator/metrics", "kaupunginjohtaja", "demo").statusCode())
        .isEqualTo(403);
    assertThat(http.get("/actuator/metrics", "admin", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void startPageAndApiDocumentationAreOpen() {
    HttpResponse<String> start = http.get("/");
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.body())
        .contains(
            "lang=\"fi\"",
            "/camunda/app/tasklist/",
            "/camunda/app/cockpit/",
            "/camunda/app/admin/",
            "/swagger-ui.html",
            "/actuator/health");
    assertThat(http.get("/v3/api-docs").statusCode()).isEqualTo(200);
  }
}
