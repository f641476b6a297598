package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.PackagedApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar as a user runs it ({@code java -jar}) on the embedded default: it must deploy
 * every process with its forms. Classpath scanning differs inside Spring Boot's nested jar, so the
 * tests on target/classes cannot show this.
 */
class PackagedJarIT {

  private static final String AUTH =
      "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

  @TempDir Path workDir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theJarDeploysEveryProcessWithItsForms() throws Exception {
    try (PackagedApp app =
        PackagedApp.start(workDir, List.of("--camunda.bpm.job-execution.enabled=false"))) {
      JsonNode definitions = get(app, "/engine-rest/process-definition?latestVersion=true");
      List<String> keys = new ArrayList<>();
      definitions.forEach(definition -> keys.add(definition.get("key").asText()));
      assertThat(keys)
          .contains("zoningPlan", "organisationReform", "serviceTransfer", "strategyEvaluation");
      assertThat(keys)
          .as("test models stay out of the jar")
          .doesNotContain("foundationCheck", "measureUpdateCheck", "eventWaitCheck");

      String deploymentId = definitions.get(0).get("deploymentId").asText();
      List<String> resources = new ArrayList<>();
      get(app, "/engine-rest/deployment/" + deploymentId + "/resources")
          .forEach(resource -> resources.add(resource.get("name").asText()));
      assertThat(resources).anyMatch(name -> name.endsWith("zoning-plan-variant.dmn"));
      assertThat(resources.stream().filter(name -> name.endsWith(".form")).count())
          .as("the Camunda Forms of the user tasks")
          .isGreaterThan(10);

      assertThat(get(app, "/api/strategy").toString())
          .as("the strategy data file is read from the jar")
          .contains("Hyvä asuu Heinolassa");
    }
  }

  private JsonNode get(PackagedApp app, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AUTH)
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }
}
