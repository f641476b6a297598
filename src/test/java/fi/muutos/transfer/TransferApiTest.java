package fi.muutos.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/transfers with the README's sample requests (docs/samples/transfers). */
@IntegrationTest
class TransferApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @ParameterizedTest
  @CsvSource({
    "lahti-aqua, 6, EXISTING_COMPANY",
    "tilapalvelut, 6, NEW_COMPANY",
    "ladec, 1, JOINING_AGREEMENT"
  })
  void theSampleTransfersStart(String sample, int branches, String arrangement) throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    HttpResponse<String> created =
        http.postJson(
            "/api/transfers",
            "hallintojohtaja",
            "demo",
            Files.readString(Path.of("docs/samples/transfers/" + sample + ".json")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = json.readTree(created.body()).path("transferId").asLong();

    JsonNode transfer =
        json.readTree(http.get("/api/transfers/" + id, "kaupunginjohtaja", "demo").body());
    assertThat(transfer.path("stage").asText()).isEqualTo("OPTIONS");
    assertThat(transfer.path("arrangement").asText()).isEqualTo(arrangement);
    assertThat(transfer.path("newCompany").asBoolean())
        .isEqualTo(arrangement.equals("NEW_COMPANY"));
    assertThat(transfer.hasNonNull("inHouse")).as("assessed later, not claimed").isFalse();
    int applying = 0;
    for (JsonNode branch : transfer.path("branches")) {
      applying += branch.path("applies").asBoolean() ? 1 : 0;
    }
    assertThat(applying).isEqualTo(branches);
  }

  @Test
  void badInputIs400AndOthersGet403() {
    HttpTestClient http = new HttpTestClient(port);
    for (String body :
        new String[] {
          "{}",
          "{\"serviceName\":\"X\",\"serviceKind\":\"SPACE\",\"recipient\":\"Y\",\"transferDate\":\"2025-01-01\"}",
          "{\"serviceName\":\"X\",\"serviceKind\":\"OTHER\",\"recipient\":\"\",\"transferDate\":\"2025-01-01\"}",
          "{\"serviceName\":\"X\",\"serviceKind\":\"OTHER\",\"recipient\":\"Y\",\"transferDate\":\"huomenna\"}",
          // the in-house status is assessed before the board's proposal, not claimed at the start
          "{\"serviceName\":\"X\",\"serviceKind\":\"OTHER\",\"recipient\":\"Y\",\"transferDate\":\"2025-01-01\","
              + "\"inHouse\":true}",
          // a joining agreement moves no staff
          "{\"serviceName\":\"X\",\"serviceKind\":\"OTHER\",\"recipient\":\"Y\",\"transferDate\":\"2025-01-01\","
              + "\"arrangement\":\"JOINING_AGREEMENT\",\"staffMoving\":true}",
          "{\"serviceName\":\"X\",\"serviceKind\":\"OTHER\",\"recipient\":\"Y\",\"transferDate\":\"2025-01-01\","
              + "\"arrangement\":\"MERGER\"}"
        }) {
      assertThat(http.postJson("/api/transfers", "hallintojohtaja", "demo", body).statusCode())
          .as(body)
          .isEqualTo(400);
    }
    assertThat(http.postJson("/api/transfers", "talousjohtaja", "demo", "{}").statusCode())
        .isIn(400, 403);
    assertThat(
            http.postJson(
                    "/api/transfers",
                    "kaavoittaja",
                    "demo",
                    "{\"serviceName\":\"X\",\"serviceKind\":\"OTHER\",\"recipient\":\"Y\","
                        + "\"transferDate\":\"2025-01-01\"}")
                .statusCode())
        .isEqualTo(403);
  }
}
