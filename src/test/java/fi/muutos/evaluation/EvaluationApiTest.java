package fi.muutos.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/evaluations over real HTTP. */
@IntegrationTest
class EvaluationApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Test
  void administrationStartsAnEvaluationAndManagementReadsItsResults() throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    HttpResponse<String> created =
        http.postJson(
            "/api/evaluations",
            "hallintojohtaja",
            "demo",
            """
        {"name": "Strategian väliarviointi 2026", "evaluator": "Arviointikonsultti Oy",
         "surveyClosesOn": "2026-12-31",
         "respondents": [{"userId": "kaupunginjohtaja", "group": "JOHTORYHMA"},
                         {"userId": "talousjohtaja", "group": "JOHTORYHMA"},
                         {"userId": "hallintojohtaja", "group": "JOHTORYHMA"}]}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = json.readTree(created.body()).path("evaluationId").asLong();

    JsonNode evaluation =
        json.readTree(http.get("/api/evaluations/" + id, "kaupunginjohtaja", "demo").body());
    assertThat(evaluation.path("stage").asText()).isEqualTo("SURVEY");
    assertThat(evaluation.path("respondentsByGroup").path("JOHTORYHMA").asInt()).isEqualTo(3);
    // while the survey is open, only who has answered how much: no result (issue 35, E1)
    assertThat(evaluation.path("resultsShown").asBoolean()).isFalse();
    assertThat(evaluation.path("results")).isEmpty();
    assertThat(evaluation.toString()).doesNotContain("talousjohtaja");
  }

  @Test
  void badInputIs400AndOthersGet403() {
    HttpTestClient http = new HttpTestClient(port);
    assertThat(
            http.postJson(
                    "/api/evaluations",
                    "hallintojohtaja",
                    "demo",
                    """
        {"name": "X", "surveyClosesOn": "2026-12-31",
         "respondents": [{"userId": "ei-ole-olemassa", "group": "X"}]}""")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            http.postJson(
                    "/api/evaluations",
                    "hallintojohtaja",
                    "demo",
                    """
        {"name": "X", "surveyClosesOn": "2026-12-31", "respondents": []}""")
                .statusCode())
        .isEqualTo(400);
    // an evaluation that could never publish anything is refused, in Finnish
    var past =
        http.postJson(
            "/api/evaluations",
            "hallintojohtaja",
            "demo",
            """
        {"name": "X", "surveyClosesOn": "2026-01-31",
         "respondents": [{"userId": "kaupunginjohtaja", "group": "J"},
                         {"userId": "talousjohtaja", "group": "J"},
                         {"userId": "hallintojohtaja", "group": "J"}]}""");
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(past.body()).contains("Kyselyn päättymispäivä 31.1.2026 on mennyt");
    var few =
        http.postJson(
            "/api/evaluations",
            "hallintojohtaja",
            "demo",
            """
        {"name": "X", "surveyClosesOn": "2026-12-31",
         "respondents": [{"userId": "kaupunginjohtaja", "group": "J"},
                         {"userId": "talousjohtaja", "group": "J"}]}""");
    assertThat(few.statusCode()).isEqualTo(400);
    assertThat(few.body()).contains("Vastaajia on 2", "alle 3 vastauksesta");
    assertThat(
            http.postJson(
                    "/api/evaluations",
                    "kaavoittaja",
                    "demo",
                    """
        {"name": "X", "surveyClosesOn": "2026-12-31",
         "respondents": [{"userId": "kaavoittaja", "group": "X"}]}""")
                .statusCode())
        .isEqualTo(403);
  }
}
