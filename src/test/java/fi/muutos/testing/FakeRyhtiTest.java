package fi.muutos.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stand-in refuses what SYKE's description does not allow, so the delivery tests can fail. */
class FakeRyhtiTest {

  final FakeRyhti ryhti = FakeRyhti.standalone();
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    ryhti.stop();
  }

  private int post(String path, String body) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(ryhti.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer x")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void aPhaseThatBreaksTheDescriptionIsA400AndAViolation() throws Exception {
    String key = "0b8e2f5e-7d4a-3c1b-9a2e-1f2d3c4b5a69";
    String phase =
        "{\"planMatterPhaseKey\":\""
            + key
            + "\",\"lifeCycleStatus\":\"http://uri.suomi.fi/codelist/rytj/kaavaelinkaari/code/99\","
            + "\"geographicalArea\":{\"srid\":\"3067\",\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[1,2],[3,4],[5,6],[1,2]]]}}}";
    assertThat(post("/api/LocalDetailedPlanMatter/111A-1/phase/" + key, phase)).isEqualTo(400);
    assertThat(ryhti.violations()).singleElement().asString().contains("lifeCycleStatus");
  }

  @Test
  void aFieldTheDescriptionDoesNotHaveIsA400() throws Exception {
    assertThat(
            post(
                "/api/LocalDetailedPlanMatter/PermanentPlanIdentifier",
                "{\"administrativeAreaIdentifier\":\"111\",\"projectName\":\"KAAVA-1\",\"x\":1}"))
        .isEqualTo(400);
    assertThat(ryhti.violations()).hasSize(1);
  }

  @Test
  void aValidRequestWithoutATokenIsA401AndNoViolation() throws Exception {
    assertThat(
            post(
                "/api/LocalDetailedPlanMatter/PermanentPlanIdentifier",
                "{\"administrativeAreaIdentifier\":\"111\",\"projectName\":\"KAAVA-1\"}"))
        .isEqualTo(401);
    assertThat(ryhti.violations()).isEmpty();
  }
}
