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

/** /api/strategy and /public/strategy over real HTTP, with the loaded Heinola data. */
@IntegrationTest
class StrategyApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired StrategyService strategy;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void theLoadedStrategyIsATreeWithRollUpsAndRatings() throws Exception {
    JsonNode tree = ok(http.get("/api/strategy", "kaavoittaja", "demo"));

    assertThat(tree.path("name").asText()).isEqualTo("Hyvä asuu Heinolassa 2030");
    assertThat(tree.path("adoptedOn").asText()).isEqualTo("2022-05-16");
    assertThat(tree.path("rollUp").path("measures").asInt()).isGreaterThanOrEqualTo(8);
    JsonNode economy = find(tree.path("goals"), "G-KESTAVA-TALOUS");
    assertThat(economy.path("ratings").get(0).path("verdict").asText()).isEqualTo("BEST_REALISED");
    JsonNode debt = find(economy.path("objectives"), "O-VELKAMAARA");
    assertThat(debt.path("ratings").get(0).path("verdict").asText()).isEqualTo("WEAKEST_REALISED");
    assertThat(debt.path("placementNote").asText()).contains("oletus");
    assertThat(debt.path("rollUp").path("measures").asInt()).isEqualTo(3);
    // loaded from the data file (a process may have moved it since: the log keeps both)
    assertThat(
            ok(http.get("/api/strategy/measures/M-LAHTI-AQUA", "kirjaaja", "demo"))
                .path("log")
                .findValuesAsText("sourceType"))
        .contains("IMPORT");
    assertThat(tree.path("unplacedObjectives").findValuesAsText("code"))
        .contains("O-ELINKEINOELAMA");
    assertThat(tree.path("evaluations").get(0).path("findings").findValuesAsText("text"))
        .contains("Kaavoitusprosessien kehittäminen");
  }

  @Test
  void oneMeasureWithItsLog() throws Exception {
    JsonNode measure = ok(http.get("/api/strategy/measures/M-LADEC", "kirjaaja", "demo"));
    assertThat(measure.path("name").asText()).isEqualTo("Liittyminen Ladecin palveluihin");
    assertThat(measure.path("objective").asText()).isEqualTo("O-ELINKEINOELAMA");
    assertThat(measure.path("statusLabel").asText()).isEqualTo("Käynnissä");
    assertThat(measure.path("log").get(0).path("sourceType").asText()).isEqualTo("IMPORT");
  }

  @Test
  void anUnknownMeasureIs404() throws Exception {
    HttpResponse<String> response = http.get("/api/strategy/measures/M-EI-OLE", "kirjaaja", "demo");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(problemType(response)).isEqualTo("urn:muutos:problem:measure-not-found");
  }

  @Test
  void theOwnerGroupChangesItsMeasureAndTheLogNamesThePerson() throws Exception {
    String code = StrategyFixtures.newMeasure(strategy, "kaavoitus", "NOT_STARTED");

    JsonNode measure =
        ok(
            post(
                code,
                "kaavoittaja",
                "{\"status\":\"IN_PROGRESS\",\"progress\":25,\"note\":\"OAS valmisteilla\"}"));

    assertThat(measure.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(measure.path("progress").asInt()).isEqualTo(25);
    JsonNode change = measure.path("log").get(0);
    assertThat(change.path("sourceType").asText()).isEqualTo("USER");
    assertThat(change.path("userId").asText()).isEqualTo("kaavoittaja");
    assertThat(change.path("oldStatus").asText()).isEqualTo("NOT_STARTED");
    assertThat(measure.path("log")).hasSize(2);
  }

  @Test
  void anotherGroupGets403AndChangesNothing() throws Exception {
    String code = StrategyFixtures.newMeasure(strategy, "kaavoitus", "NOT_STARTED");

    HttpResponse<String> response = post(code, "kirjaaja", "{\"status\":\"IN_PROGRESS\"}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(problemType(response)).isEqualTo("urn:muutos:problem:not-owner");
    assertThat(strategy.measure(code).status()).isEqualTo(MeasureStatus.NOT_STARTED);
  }

  @Test
  void anAdministratorChangesAnyMeasure() throws Exception {
    String code = StrategyFixtures.newMeasure(strategy, "talous", "IN_PROGRESS");
    assertThat(ok(post(code, "admin", "{\"status\":\"AT_RISK\"}")).path("status").asText())
        .isEqualTo("AT_RISK");
  }

  @Test
  void anIllegalTransitionIs409() throws Exception {
    String code = StrategyFixtures.newMeasure(strategy, "kaavoitus", "CANCELLED");
    HttpResponse<String> response = post(code, "kaavoittaja", "{\"status\":\"IN_PROGRESS\"}");
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(problemType(response)).isEqualTo("urn:muutos:problem:illegal-transition");
    assertThat(json.readTree(response.body()).path("detail").asText()).contains(code, "CANCELLED");
  }

  @Test
  void reopeningAFinishedMeasureNeedsAReason() throws Exception {
    String code = StrategyFixtures.newMeasure(strategy, "kaavoitus", "DONE");
    assertThat(post(code, "kaavoittaja", "{\"status\":\"IN_PROGRESS\"}").statusCode())
        .isEqualTo(400);
    assertThat(
            ok(post(
                    code,
                    "kaavoittaja",
                    "{\"status\":\"IN_PROGRESS\",\"progress\":90,\"note\":\"Valitus hyväksyttiin\"}"))
                .path("status")
                .asText())
        .isEqualTo("IN_PROGRESS");
  }

  @Test
  void badInputIs400AndChangesNothing() throws Exception {
    String code = StrategyFixtures.newMeasure(strategy, "kaavoitus", "NOT_STARTED");
    for (String body :
        new String[] {
          "{\"status\":\"IN_PROGRESS\",\"progress\":150}",
          "{\"status\":\"VALMIS\"}",
          "{}",
          "not json",
          "{\"status\":\"DONE\",\"note\":\"" + "x".repeat(4001) + "\"}"
        }) {
      HttpResponse<String> response = post(code, "kaavoittaja", body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("application/problem+json");
    }
    assertThat(strategy.measure(code).log()).hasSize(1);
  }

  @Test
  void thePublicStrategyIsAnonymousAndHasNoUserIds() throws Exception {
    ok(
        post(
            "M-TALOUDEN-TASAPAINO",
            "talousjohtaja",
            "{\"status\":\"IN_PROGRESS\",\"progress\":35,\"note\":\"Sopeutusohjelma etenee\"}"));

    HttpResponse<String> response = http.get("/public/strategy");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("userId", "talousjohtaja");
    JsonNode tree = json.readTree(response.body());
    JsonNode measure =
        find(
            find(find(tree.path("goals"), "G-KESTAVA-TALOUS").path("objectives"), "O-VELKAMAARA")
                .path("measures"),
            "M-TALOUDEN-TASAPAINO");
    assertThat(measure.path("progress").asInt()).isEqualTo(35);
    assertThat(measure.path("lastChange").path("sourceType").asText()).isEqualTo("USER");
    // the signed-in view does show who
    assertThat(http.get("/api/strategy", "kaupunginjohtaja", "demo").body())
        .contains("\"userId\":\"talousjohtaja\"");
    // and the public endpoint changes nothing
    assertThat(new HttpTestClient(port).postJson("/public/strategy", "x", "y", "{}").statusCode())
        .isIn(401, 405);
  }

  @Test
  void anAdministratorImportsAndReimportsAFile() throws Exception {
    String file =
        """
        strategy:
          code: TEST-IMPORT
          name: Tuontitesti
          municipality: Testikunta
          adopted-on: 2001-01-01
        goals:
          - code: G-IMP
            name: Päämäärä
        objectives:
          - code: O-IMP
            name: Tavoite
            goal: G-IMP
        measures:
          - code: M-IMP
            name: %s
            objective: O-IMP
            owner: hallinto
            status: %s
        """;
    JsonNode first = ok(postYaml("admin", file.formatted("Ensimmäinen", "IN_PROGRESS")));
    assertThat(first.path("measuresCreated").asInt()).isEqualTo(1);

    JsonNode second = ok(postYaml("admin", file.formatted("Korjattu nimi", "DONE")));
    assertThat(second.path("measuresCreated").asInt()).isZero();
    assertThat(second.path("measuresUpdated").asInt()).isEqualTo(1);
    assertThat(second.path("statusesKept").get(0).asText()).isEqualTo("M-IMP");
    MeasureView measure = strategy.measure("M-IMP");
    assertThat(measure.name()).isEqualTo("Korjattu nimi");
    assertThat(measure.status())
        .as("the work owns the status")
        .isEqualTo(MeasureStatus.IN_PROGRESS);
  }

  @Test
  void aReimportReportsWhatTheFileNoLongerNamesAndReplacesAnEvaluationsResults() throws Exception {
    String file =
        """
        strategy:
          code: TEST-SHRINK
          name: Supistus
          municipality: Testikunta
          adopted-on: 2001-01-01
        goals:
          - code: G-SHRINK
            name: Päämäärä
        objectives:
          - code: O-SHRINK
            name: Tavoite
            goal: G-SHRINK
        measures:
          - code: M-SHRINK-KEPT
            name: Pysyy
            objective: O-SHRINK
            owner: hallinto
        %s
        evaluations:
          - code: E-SHRINK
            name: Arvio
            started-on: 2001-02-01
            ended-on: 2001-03-01
            %s:
              objectives: [O-SHRINK]
        """;
    String dropped =
        "  - code: M-SHRINK-DROPPED\n    name: Poistuu\n    objective: O-SHRINK\n"
            + "    owner: hallinto";
    JsonNode first = ok(postYaml("admin", file.formatted(dropped, "best-realised")));
    assertThat(first.path("measuresCreated").asInt()).isEqualTo(2);
    assertThat(first.path("notInFile")).isEmpty();

    JsonNode second = ok(postYaml("admin", file.formatted("", "weakest-realised")));
    assertThat(second.path("notInFile").toString()).contains("M-SHRINK-DROPPED");
    assertThat(strategy.measure("M-SHRINK-DROPPED").code())
        .as("kept, only reported")
        .isEqualTo("M-SHRINK-DROPPED");
    assertThat(
            jdbc.queryForList(
                "select r.verdict from mu_evaluation_rating r join mu_evaluation e "
                    + "on e.id = r.evaluation_id where e.code = 'E-SHRINK'",
                String.class))
        .containsExactly("WEAKEST_REALISED");
  }

  @Test
  void aBadFileIs400WithLineNumbersAndChangesNothing() throws Exception {
    String before = http.get("/api/strategy", "admin", "demo").body();
    String file =
        """
        strategy:
          code: TEST-BAD-IMPORT
          name: Huono
          municipality: Testikunta
        measures:
          - code: M-BAD-NEW
            name: Uusi
            owner: hallinto
          - code: M-BAD-2
            name: Toinen
            owner: ei-ryhmaa
        """;

    HttpResponse<String> response = postYaml("admin", file);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("type").asText()).isEqualTo("urn:muutos:problem:invalid-strategy-file");
    assertThat(problem.path("errors").get(0).path("line").asInt()).isEqualTo(11);
    assertThat(problem.path("errors").get(0).path("message").asText()).contains("ei-ryhmaa");
    assertThat(http.get("/api/strategy/measures/M-BAD-NEW", "admin", "demo").statusCode())
        .isEqualTo(404);
    assertThat(http.get("/api/strategy", "admin", "demo").body()).isEqualTo(before);
  }

  @Test
  void aFollowUpAreaBecomesANewMeasure() throws Exception {
    String code =
        "M-SEURANTA-"
            + java.util
                .UUID
                .randomUUID()
                .toString()
                .substring(0, 6)
                .toUpperCase(java.util.Locale.ROOT);
    HttpResponse<String> created =
        http.postJson(
            "/api/strategy/measures",
            "hallintojohtaja",
            "demo",
            "{\"code\":\""
                + code
                + "\",\"name\":\"Talouden tasapainon seuranta\","
                + "\"objective\":\"O-VELKAMAARA\",\"ownerGroup\":\"talous\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode measure = json.readTree(created.body());
    assertThat(measure.path("status").asText()).isEqualTo("NOT_STARTED");
    assertThat(measure.path("objective").asText()).isEqualTo("O-VELKAMAARA");
    assertThat(measure.path("log").get(0).path("userId").asText()).isEqualTo("hallintojohtaja");
    assertThat(
            http.postJson(
                    "/api/strategy/measures",
                    "hallintojohtaja",
                    "demo",
                    "{\"code\":\"" + code + "\",\"name\":\"x\",\"ownerGroup\":\"talous\"}")
                .statusCode())
        .isEqualTo(409);
    assertThat(
            http.postJson(
                    "/api/strategy/measures",
                    "kaavoittaja",
                    "demo",
                    "{\"code\":\"M-X\",\"name\":\"x\",\"ownerGroup\":\"talous\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.postJson(
                    "/api/strategy/measures",
                    "hallintojohtaja",
                    "demo",
                    "{\"code\":\"M-Y-" + code + "\",\"name\":\"x\",\"ownerGroup\":\"ei-ole\"}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void onlyAnAdministratorImports() {
    assertThat(postYaml("kaupunginjohtaja", "strategy: {}").statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> post(String code, String user, String body) {
    return http.postJson("/api/strategy/measures/" + code + "/status", user, "demo", body);
  }

  private HttpResponse<String> postYaml(String user, String yaml) {
    return http.post("/api/strategy/import", user, "demo", "application/yaml", yaml);
  }

  private JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private String problemType(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body()).path("type").asText();
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
