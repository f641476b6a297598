package fi.muutos.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.StrategyFixtures;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard's answers: the outline without measures, the measures a page at a time, and the
 * strategy's version as ETag (304 while nothing changed, a new one after any change).
 */
@IntegrationTest
class StrategyOutlineTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired StrategyService strategy;
  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void theOutlineHasTheTreesRollUpsAndCountsButNoMeasures() throws Exception {
    JsonNode tree = ok(http.get("/public/strategy"));
    JsonNode outline = ok(http.get("/public/strategy/outline"));

    assertThat(outline.path("name").asText()).isEqualTo(tree.path("name").asText());
    assertThat(outline.path("rollUp")).isEqualTo(tree.path("rollUp"));
    assertThat(outline.toString()).doesNotContain("\"measures\":[");
    for (JsonNode goal : tree.path("goals")) {
      JsonNode same = find(outline.path("goals"), goal.path("code").asText());
      assertThat(same.path("rollUp")).as(goal.path("code").asText()).isEqualTo(goal.path("rollUp"));
      assertThat(same.path("ratings")).isEqualTo(goal.path("ratings"));
      for (JsonNode objective : goal.path("objectives")) {
        JsonNode outlined = find(same.path("objectives"), objective.path("code").asText());
        assertThat(outlined.path("rollUp")).isEqualTo(objective.path("rollUp"));
        assertThat(outlined.path("measures").asInt()).isEqualTo(objective.path("measures").size());
      }
    }
    assertThat(outline.path("unplacedMeasures").asInt())
        .isEqualTo(tree.path("unplacedMeasures").size());
  }

  @Test
  void measuresComeAPageAtATimeAndTheSignedInSeeWhoChangedThem() throws Exception {
    String measure = "M-TALOUDEN-TASAPAINO";
    String objective = "O-VELKAMAARA";
    change(measure);
    int total =
        ok(http.get("/public/strategy/measures?objective=" + objective)).path("total").asInt();
    assertThat(total).isGreaterThanOrEqualTo(1);

    JsonNode first = ok(http.get("/public/strategy/measures?objective=" + objective + "&limit=1"));
    assertThat(first.path("measures")).hasSize(1);
    assertThat(first.path("total").asInt()).isEqualTo(total);
    JsonNode all = ok(http.get("/public/strategy/measures?objective=" + objective + "&limit=500"));
    assertThat(all.path("measures")).hasSize(total);
    JsonNode ours = find(all.path("measures"), measure);
    assertThat(ours.path("lastChange").has("userId")).as("public: no user ids").isFalse();

    JsonNode signedIn =
        ok(
            http.get(
                "/api/strategy/measures?objective=" + objective + "&limit=500",
                "kirjaaja",
                "demo"));
    assertThat(find(signedIn.path("measures"), measure).path("lastChange").path("userId").asText())
        .isEqualTo("talousjohtaja");
    assertThat(http.get("/api/strategy/measures?objective=" + objective).statusCode())
        .isEqualTo(401);
  }

  @Test
  void anUnchangedStrategyIs304AndAChangeGivesANewVersion() throws Exception {
    HttpResponse<String> first = http.get("/public/strategy/outline");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    for (String path :
        new String[] {
          "/public/strategy/outline", "/public/strategy", "/public/strategy/measures"
        }) {
      HttpResponse<String> again = http.withSession("GET", path, null, "If-None-Match", etag);
      assertThat(again.statusCode()).as(path).isEqualTo(304);
      assertThat(again.body()).isEmpty();
    }

    change("M-TALOUDEN-TASAPAINO");
    HttpResponse<String> changed =
        http.withSession("GET", "/public/strategy/outline", null, "If-None-Match", etag);
    assertThat(changed.statusCode()).isEqualTo(200);
    String newer = changed.headers().firstValue("ETag").orElseThrow();
    assertThat(newer).isNotEqualTo(etag);

    StrategyFixtures.newMeasure(strategy, "kaavoitus", "NOT_STARTED");
    assertThat(
            http.withSession("GET", "/public/strategy/outline", null, "If-None-Match", newer)
                .statusCode())
        .as("a new measure (of any strategy: the version is conservative) is a new version")
        .isEqualTo(200);
  }

  @Test
  void badPagesAndUnknownObjectivesAreProblems() throws Exception {
    assertThat(http.get("/public/strategy/measures?objective=O-EI-OLE").statusCode())
        .isEqualTo(404);
    for (String query :
        new String[] {"limit=0", "limit=501", "offset=-1", "objective=%3Cx%3E", "limit=x"}) {
      HttpResponse<String> response = http.get("/public/strategy/measures?" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
  }

  /** The change another test of the strategy makes too, so their order does not matter. */
  private void change(String measure) throws Exception {
    ok(
        http.postJson(
            "/api/strategy/measures/" + measure + "/status",
            "talousjohtaja",
            "demo",
            "{\"status\":\"IN_PROGRESS\",\"progress\":35,\"note\":\"Sopeutusohjelma etenee\"}"));
  }

  private JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static JsonNode find(JsonNode array, String code) {
    for (JsonNode node : array) {
      if (code.equals(node.path("code").asText())) {
        return node;
      }
    }
    throw new AssertionError(code + " not found in " + array);
  }
}
