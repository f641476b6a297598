package fi.muutos.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import fi.muutos.testing.Chromium;
import fi.muutos.testing.EmbeddedPostgresInitializer;
import fi.muutos.testing.FakeRyhti;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.OwnJvm;
import fi.muutos.testing.TestIdentityProvider;
import fi.muutos.testing.TestMail;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Single sign-on against a real OpenID Connect provider started for the test ({@link
 * TestIdentityProvider}): bearer tokens on {@code /api} and {@code /engine-rest}, people the engine
 * has not seen, the meeting system's client credentials. Its own JVM: the webapps sign in through
 * the provider here, unlike in every other test.
 */
@OwnJvm
@IntegrationTest
@ContextConfiguration(
    initializers = {
      EmbeddedPostgresInitializer.class,
      TestMail.class,
      FakeRyhti.class,
      TestIdentityProvider.class
    })
class SingleSignOnTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void aBearerTokenWithTheGroupStartsAPlanAndOneWithoutItMayNot() throws Exception {
    String planner = TestIdentityProvider.token("kaisa.kaavoittaja", List.of("kaavoitus"));
    var started = post("/api/zoning/plans", planner, plan());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

    String someoneElse = TestIdentityProvider.token("pekka.palkanlaskija", List.of("talous"));
    var refused = post("/api/zoning/plans", someoneElse, plan());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void refusedTokensAre401WithProblemDetailsAndTheReason() throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet good =
        new JWTClaimsSet.Builder()
            .issuer(TestIdentityProvider.issuer())
            .audience(TestIdentityProvider.AUDIENCE)
            .subject("kaisa")
            .claim("preferred_username", "kaisa.kaavoittaja")
            .claim("groups", List.of("kaavoitus"))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(600)))
            .build();
    assertThat(get("/api/zoning/plans", TestIdentityProvider.signed(good)).statusCode())
        .as("the same token, as the provider signs it")
        .isEqualTo(200);

    assertRefused(
        TestIdentityProvider.signed(
            new JWTClaimsSet.Builder(good)
                .issueTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(3600)))
                .build()),
        "expired");
    RSAKey impostor =
        new RSAKeyGenerator(2048).keyID(TestIdentityProvider.signingKey().getKeyID()).generate();
    assertRefused(TestIdentityProvider.signed(good, impostor), "signature");
    assertRefused(
        TestIdentityProvider.signed(
            new JWTClaimsSet.Builder(good).issuer("https://muu.example/kaupunki").build()),
        "iss");
    assertRefused(
        TestIdentityProvider.signed(new JWTClaimsSet.Builder(good).audience("toinen").build()),
        "aud");
    assertRefused(
        TestIdentityProvider.signed(
            new JWTClaimsSet.Builder(good).claim("preferred_username", null).build()),
        "preferred_username");
    assertRefused("tämä.ei.ole-token", "");
  }

  @Test
  void theEngineRestApiAppliesTheEngineAuthorizationsToTheTokensGroups() throws Exception {
    String planner = TestIdentityProvider.token("kaisa.kaavoittaja", List.of("kaavoitus"));
    String clerk = TestIdentityProvider.token("pekka.palkanlaskija", List.of("talous"));
    String path = "/engine-rest/process-definition?key=zoningPlan&latestVersion=true";

    assertThat(json(get(path, planner)).size()).isEqualTo(1);
    assertThat(json(get(path, clerk)).size()).as("talous takes no part in zoning").isZero();
  }

  @Test
  void aPersonSignedInForTheFirstTimeIsKnownWithTheTokensGroupsOnly() throws Exception {
    String user = "uusi." + UUID.randomUUID().toString().substring(0, 8);
    assertThat(identityService.createUserQuery().userId(user).count()).isZero();

    String token =
        TestIdentityProvider.token(
            user, List.of("kaavoitus", "tuntematon-ryhma", "camunda-admin2"));
    assertThat(get("/api/zoning/plans", token).statusCode()).isEqualTo(200);

    User account = identityService.createUserQuery().userId(user).singleResult();
    assertThat(account.getFirstName()).isEqualTo("Testi");
    assertThat(account.getLastName()).isEqualTo(user);
    assertThat(account.getEmail()).isEqualTo(user + "@kaupunki.example");
    assertThat(groupsOf(user)).containsExactly("kaavoitus");
    assertThat(identityService.checkPassword(user, "")).as("no password anyone knows").isFalse();

    // the directory takes the person out of zoning and into management (by its object id)
    String later =
        TestIdentityProvider.token(user, List.of(TestIdentityProvider.MANAGEMENT_GROUP_OBJECT_ID));
    assertThat(post("/api/zoning/plans", later, plan()).statusCode()).isEqualTo(403);
    assertThat(get("/api/strategy/summary", later).statusCode()).isEqualTo(200);
    assertThat(groupsOf(user)).containsExactly("johtoryhma");
  }

  @Test
  void groupsComeFromTheTokenNotFromTheEnginesMemberships() throws Exception {
    // a demo account in kaavoitus, by the engine's memberships
    assertThat(groupsOf("kaavoittaja")).contains("kaavoitus");
    String token = TestIdentityProvider.token("kaavoittaja", List.of());
    assertThat(post("/api/zoning/plans", token, plan()).statusCode()).isEqualTo(403);
    assertThat(groupsOf("kaavoittaja")).isEmpty();
  }

  @Test
  void theMeetingSystemPostsEventsWithItsClientCredentials() throws Exception {
    var tokenResponse =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        TestIdentityProvider.server()
                            .tokenEndpointUrl(TestIdentityProvider.ISSUER_ID)
                            .toString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope="
                            + URLEncoder.encode(
                                TestIdentityProvider.AUDIENCE, StandardCharsets.UTF_8)
                            + "&client_id="
                            + TestIdentityProvider.MEETING_SYSTEM_CLIENT
                            + "&client_secret=salaisuus"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
    String token = json(tokenResponse).get("access_token").asText();

    var event =
        send(
            HttpRequest.newBuilder(uri("/api/events"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(decision())));
    assertThat(event.statusCode()).as(event.body()).isBetween(200, 202);
    assertThat(groupsOf("kokousjarjestelma")).containsExactly("integraatio");
    assertThat(identityService.createUserQuery().userId("kokousjarjestelma").singleResult())
        .as("a client's token says no name: the account keeps its own")
        .extracting(User::getFirstName)
        .isEqualTo("Kokousjärjestelmä");

    // a person's token cannot send events
    String person = TestIdentityProvider.token("kaisa.kaavoittaja", List.of("kaavoitus"));
    var refused =
        send(
            HttpRequest.newBuilder(uri("/api/events"))
                .header("Authorization", "Bearer " + person)
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(decision())));
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void basicAuthenticationStaysBesideTheTokens() throws Exception {
    var response =
        send(
            HttpRequest.newBuilder(uri("/api/zoning/plans"))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString("kirjaaja:demo".getBytes(StandardCharsets.UTF_8))));
    assertThat(response.statusCode()).isEqualTo(200);
    var anonymous = send(HttpRequest.newBuilder(uri("/api/zoning/plans")));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().allValues("WWW-Authenticate"))
        .anyMatch(value -> value.startsWith("Bearer"))
        .anyMatch(value -> value.startsWith("Basic"));
  }

  @Test
  void aCivilServantSignsIntoTheWebappsThroughTheProviderAndOutOfBoth() throws Exception {
    assumeTrue(Chromium.available(), Chromium.MISSING);
    drainProviderRequests();
    String user = "kaisa.kaavamaa";
    WebDriver browser = Chromium.start();
    try {
      var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      TestIdentityProvider.nextSignIn(
          user,
          "Kaisa Kaavamaa",
          List.of("kaavoitus", TestIdentityProvider.MANAGEMENT_GROUP_OBJECT_ID));
      browser.get(url("/camunda/app/tasklist/default/"));
      wait.until(b -> text(b).contains("Ryhmän tehtävät – Kaavoitus"));
      assertThat(text(browser)).contains("Kaisa Kaavamaa").doesNotContain("Salasana");
      screenshot(browser, "sso-tasklist");
      assertThat(groupsOf(user)).containsExactly("johtoryhma", "kaavoitus");

      // the directory's management group (by its object id) opens Cockpit and its Strategia
      browser.get(url("/camunda/app/cockpit/default/"));
      try {
        wait.until(b -> text(b).contains("Strategia"));
      } finally {
        screenshot(browser, "sso-cockpit");
      }

      // the webapps' own "Kirjaudu ulos" ends this session and the provider's
      // a sign-out another site could send (no X-Requested-By) signs no one out
      Object status =
          ((JavascriptExecutor) browser)
              .executeAsyncScript(
                  "fetch('/logout', {method: 'POST'}).then(r => arguments[0](r.status));");
      assertThat(status).isNotEqualTo(200L);
      browser.get(url("/api/strategy/summary"));
      assertThat(text(browser)).contains("Hyvä asuu Heinolassa");
      browser.get(url("/camunda/app/cockpit/default/"));
      wait.until(b -> text(b).contains("Strategia"));

      browser.findElement(By.cssSelector("li.account")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
      try {
        wait.until(b -> b.getCurrentUrl().equals(url("/")));
      } finally {
        screenshot(browser, "sso-signed-out");
      }
      List<String> paths = drainProviderRequests();
      assertThat(paths)
          .anyMatch(path -> path.startsWith("/" + TestIdentityProvider.ISSUER_ID + "/authorize"))
          .anyMatch(path -> path.startsWith("/" + TestIdentityProvider.ISSUER_ID + "/endsession"));
      browser.get(url("/api/strategy/summary"));
      assertThat(text(browser)).contains("401");

      // the directory took her out of management: gone at the next sign-in
      TestIdentityProvider.nextSignIn(user, "Kaisa Kaavamaa", List.of("kaavoitus"));
      browser.get(url("/camunda/app/tasklist/default/"));
      wait.until(b -> text(b).contains("Ryhmän tehtävät – Kaavoitus"));
      assertThat(drainProviderRequests())
          .as("signed in through the provider again")
          .anyMatch(path -> path.startsWith("/" + TestIdentityProvider.ISSUER_ID + "/authorize"));
      assertThat(groupsOf(user)).containsExactly("kaavoitus");
      browser.get(url("/api/strategy/summary"));
      assertThat(text(browser)).contains("403");
    } finally {
      browser.quit();
    }
  }

  @Test
  void aSignInWhoseTokenNamesNoUserIsRefusedWithTheReason() throws Exception {
    assumeTrue(Chromium.available(), Chromium.MISSING);
    WebDriver browser = Chromium.start();
    try {
      TestIdentityProvider.nextSignInWithoutAUserName();
      browser.get(url("/camunda/app/tasklist/default/"));
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(b -> text(b).contains("Kirjautuminen ei onnistunut"));
      assertThat(text(browser)).contains("preferred_username").doesNotContain("Tehtävälista");
    } finally {
      browser.quit();
    }
  }

  // --- helpers ------------------------------------------------------------------------------

  /** The paths the provider was asked for since the last call. */
  private static List<String> drainProviderRequests() {
    List<String> paths = new ArrayList<>();
    while (true) {
      try {
        RecordedRequest request =
            TestIdentityProvider.server().takeRequest(200, TimeUnit.MILLISECONDS);
        paths.add(request.getPath());
      } catch (RuntimeException noneLeft) {
        return paths;
      }
    }
  }

  private static String text(WebDriver browser) {
    return browser.findElement(By.tagName("body")).getText();
  }

  private static void screenshot(WebDriver browser, String name) throws IOException {
    Path dir = Path.of("target/screenshots");
    Files.createDirectories(dir);
    Files.write(
        dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void assertRefused(String token, String reason) throws Exception {
    var response = get("/api/zoning/plans", token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(
            value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
    assertThat(json(response).get("detail").asText())
        .startsWith("Tunniste (bearer token) hylättiin")
        .contains(reason);
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .sorted()
        .toList();
  }

  private static String plan() {
    return "{\"name\":\"Tunnistettu kaava "
        + UUID.randomUUID().toString().substring(0, 8)
        + "\",\"type\":\"MINOR_DETAILED_PLAN_CHANGE\",\"significant\":false,"
        + "\"areaDescription\":\"Keskusta\"}";
  }

  private static String decision() {
    return "{\"specversion\":\"1.0\",\"id\":\"sso-"
        + UUID.randomUUID()
        + "\",\"source\":\"/dynasty\","
        + "\"type\":\"fi.muutos.decision.made\",\"subject\":\"KAAVA-SSO-1\","
        + "\"datacontenttype\":\"application/json\",\"data\":{\"body\":\"kaupunginvaltuusto\","
        + "\"section\":\"§ 12\",\"date\":\"2026-11-27\",\"outcome\":\"APPROVED\"}}";
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json"));
  }

  private HttpResponse<String> post(String path, String token, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }
}
