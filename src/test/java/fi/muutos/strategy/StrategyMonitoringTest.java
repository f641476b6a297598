package fi.muutos.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.transfer.TransferProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Cockpit's "Strategia" plugin reads, through /api with management's right (monitoring.read):
 * the strategy at a glance, the measures an instance or a process moved, and the cases by name. A
 * planner gets 403.
 */
@IntegrationTest
class StrategyMonitoringTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ProcessDriver driver;

  @Test
  void managementSeesWhatATransferMovedAndFindsItByName() throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    String name = "Seurattava " + UUID.randomUUID().toString().substring(0, 6);
    String body =
        Files.readString(Path.of("docs/samples/transfers/lahti-aqua.json"))
            .replace("Vesilaitoksen operointipalvelut", name);
    JsonNode started =
        json.readTree(http.postJson("/api/transfers", "hallintojohtaja", "demo", body).body());
    String instance = started.path("processInstanceId").asText();
    driver.jobs(instance, TransferProcess.Elements.MEASURES_IN_PROGRESS);

    JsonNode moved =
        read(http, "/api/strategy/process-instances/" + instance + "/measures", "kaupunginjohtaja");
    assertThat(moved.findValuesAsText("code")).contains("M-LAHTI-AQUA");
    JsonNode aqua = moved.get(0);
    assertThat(aqua.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(aqua.path("log").get(0).path("processInstanceId").asText()).isEqualTo(instance);

    JsonNode byProcess =
        read(http, "/api/strategy/processes/serviceTransfer/measures", "kaupunginjohtaja");
    assertThat(byProcess.findValuesAsText("code")).contains("M-LAHTI-AQUA");
    assertThat(byProcess.get(0).path("changes").asInt()).isPositive();
    assertThat(byProcess.get(0).has("log")).as("a process's list is short").isFalse();

    JsonNode found = read(http, "/api/cases?q=" + name.split(" ")[1], "kaupunginjohtaja");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("name").asText()).isEqualTo(name);
    assertThat(found.get(0).path("processInstanceId").asText()).isEqualTo(instance);
    assertThat(found.get(0).path("stageLabel").asText()).isNotBlank();
    assertThat(read(http, "/api/cases?processInstanceId=" + instance, "kaupunginjohtaja"))
        .hasSize(1);

    JsonNode summary = read(http, "/api/strategy/summary", "kaupunginjohtaja");
    assertThat(summary.path("rollUp").path("measures").asInt()).isPositive();
    assertThat(summary.path("goals")).isNotEmpty();

    for (String path :
        new String[] {
          "/api/strategy/summary",
          "/api/strategy/process-instances/" + instance + "/measures",
          "/api/strategy/processes/serviceTransfer/measures",
          "/api/cases?q=Seurattava"
        }) {
      assertThat(http.get(path, "kaavoittaja", "demo").statusCode()).as(path).isEqualTo(403);
    }
    assertThat(
            http.get("/api/strategy/process-instances/x%20y/measures", "kaupunginjohtaja", "demo")
                .statusCode())
        .isEqualTo(400);
    assertThat(http.get("/api/cases?process=1bad", "kaupunginjohtaja", "demo").statusCode())
        .isEqualTo(400);
  }

  private JsonNode read(HttpTestClient http, String path, String user) throws Exception {
    var response = http.get(path, user, "demo");
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }
}
