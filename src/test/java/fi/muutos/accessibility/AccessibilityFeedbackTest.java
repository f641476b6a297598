package fi.muutos.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The accessibility statement (306/2019; issue 36, item 5): published, linked from every own page,
 * and its feedback reaches the administrators.
 */
@IntegrationTest
class AccessibilityFeedbackTest {

  @LocalServerPort int port;

  @Test
  void theStatementIsPublishedInTheLawsFormAndLinkedFromEveryOwnPage() {
    HttpTestClient http = new HttpTestClient(port);
    var statement = http.get("/saavutettavuus.html");
    assertThat(statement.statusCode()).isEqualTo(200);
    assertThat(statement.body())
        .contains(
            "Saavutettavuuden tila",
            "täyttää saavutettavuusvaatimukset osittain",
            "Sisältö, joka ei ole saavutettavaa",
            "laadittu 8.12.2026",
            "Anna palautetta",
            "Valvontaviranomainen",
            "Traficom");
    for (String page : List.of("/", "/strategia.html", "/muistutukset.html")) {
      assertThat(http.get(page).body()).as(page).contains("href=\"/saavutettavuus.html\"");
    }
  }

  @Test
  void feedbackReachesTheAdministratorsOnly() {
    HttpTestClient http = new HttpTestClient(port);
    String message = "Kontrasti heikko " + UUID.randomUUID();
    String body = "{\"page\":\"/strategia.html\",\"message\":\"" + message + "\"}";
    assertThat(
            http.postJson("/api/feedback/accessibility", "kaavoittaja", "demo", body).statusCode())
        .isEqualTo(202);
    assertThat(
            http.postJson(
                    "/api/feedback/accessibility", "kaavoittaja", "demo", "{\"message\":\"  \"}")
                .statusCode())
        .isEqualTo(400);
    var read = http.get("/api/admin/accessibility-feedback", "admin", "demo");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains(message, "\"sender\":\"kaavoittaja\"");
    assertThat(http.get("/api/admin/accessibility-feedback", "kaavoittaja", "demo").statusCode())
        .isEqualTo(403);
  }
}
