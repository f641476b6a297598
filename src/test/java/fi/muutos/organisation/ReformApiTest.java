package fi.muutos.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/reforms over real HTTP. */
@IntegrationTest
class ReformApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Test
  void administrationStartsAReformAndManagementReadsIt() throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    HttpResponse<String> created =
        http.postJson(
            "/api/reforms",
            "hallintojohtaja",
            "demo",
            """
        {"name": "Organisaatio- ja lautakuntauudistus 2025", "effectiveDate": "2025-01-01",
         "committees": ["Elinvoimalautakunta", "Sivistyslautakunta", "Tekninen lautakunta",
                        "Hyvinvointilautakunta"],
         "divisions": ["Elinvoima", "Sivistys", "Konsernipalvelut"],
         "measures": ["M-ORGANISAATIO", "M-HALLINTOSAANTO"]}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = json.readTree(created.body()).path("reformId").asLong();

    JsonNode reform =
        json.readTree(http.get("/api/reforms/" + id, "kaupunginjohtaja", "demo").body());
    assertThat(reform.path("stage").asText()).isEqualTo("DRAFTING");
    // the start proposes the date (the old field name is still taken); the council decides it
    assertThat(reform.path("proposedEffectiveDate").asText()).isEqualTo("2025-01-01");
    assertThat(reform.hasNonNull("effectiveDate")).isFalse();
    assertThat(reform.path("committees")).hasSize(4);
    assertThat(reform.path("committees").get(0).path("elected").asBoolean()).isFalse();
    assertThat(reform.path("divisions").get(2).asText()).isEqualTo("Konsernipalvelut");
    assertThat(reform.path("businessKey").asText()).startsWith("UUDISTUS-");
  }

  @Test
  void badInputIs400AndOthersGet403() {
    HttpTestClient http = new HttpTestClient(port);
    for (String body :
        new String[] {
          "{}",
          "{\"name\":\"X\",\"effectiveDate\":\"2025-01-01\"}",
          "{\"name\":\"X\",\"effectiveDate\":\"ensi vuonna\",\"committees\":[\"A\"]}",
          "{\"name\":\"X\",\"effectiveDate\":\"2025-01-01\",\"committees\":[\"A, B\"]}",
          "{\"name\":\"X\",\"effectiveDate\":\"2025-01-01\",\"committees\":[\"A\"],\"followUpMonths\":0}",
          // an interim term that ends before the proposed effective date
          "{\"name\":\"X\",\"proposedEffectiveDate\":\"2025-01-01\",\"interimTermEnds\":\"2024-12-31\","
              + "\"committees\":[\"A\"]}"
        }) {
      HttpResponse<String> response =
          http.postJson("/api/reforms", "hallintojohtaja", "demo", body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
    }
    assertThat(
            http.postJson(
                    "/api/reforms",
                    "kaavoittaja",
                    "demo",
                    "{\"name\":\"X\",\"effectiveDate\":\"2025-01-01\",\"committees\":[\"A\"]}")
                .statusCode())
        .isEqualTo(403);
    assertThat(http.get("/api/reforms/999999", "kaupunginjohtaja", "demo").statusCode())
        .isEqualTo(404);
  }
}
