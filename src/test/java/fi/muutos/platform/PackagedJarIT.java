package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar as a user runs it ({@code java -jar}) on the embedded default: it must deploy
 * every process with its forms. Classpath scanning differs inside Spring Boot's nested jar, so the
 * tests on target/classes cannot show this.
 */
class PackagedJarIT {

  private static final String AUTH = "Basic " + Base64.getEncoder()
      .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
  private static final Duration START_UP_LIMIT = Duration.ofMinutes(3);

  @TempDir
  Path workDir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private Process app;
  private String base;

  @BeforeEach
  void startJar() throws Exception {
    Path jar = Path.of(System.getProperty("muutos.jar"));
    assertThat(jar).as("the packaged jar").exists();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(),
        "--server.port=" + port,
        "--camunda.bpm.job-execution.enabled=false"));
    app = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("app.log").toFile())
        .start();
    awaitHealthy();
  }

  @AfterEach
  void stopJar() throws InterruptedException {
    if (app != null) {
      app.destroy();
      if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
  }

  @Test
  void theJarDeploysEveryProcessWithItsForms() throws Exception {
    JsonNode definitions = get("/engine-rest/process-definition?latestVersion=true");
    List<String> keys = new ArrayList<>();
    definitions.forEach(definition -> keys.add(definition.get("key").asText()));
    assertThat(keys).contains("zoningPlan", "organisationReform", "serviceTransfer",
        "strategyEvaluation");
    assertThat(keys).as("test models stay out of the jar")
        .doesNotContain("foundationCheck", "measureUpdateCheck", "eventWaitCheck");

    String deploymentId = definitions.get(0).get("deploymentId").asText();
    List<String> resources = new ArrayList<>();
    get("/engine-rest/deployment/" + deploymentId + "/resources")
        .forEach(resource -> resources.add(resource.get("name").asText()));
    assertThat(resources).anyMatch(name -> name.endsWith("zoning-plan-variant.dmn"));
    assertThat(resources.stream().filter(name -> name.endsWith(".form")).count())
        .as("the Camunda Forms of the user tasks").isGreaterThan(10);

    assertThat(get("/api/strategy").toString()).as("the strategy data file is read from the jar")
        .contains("Hyvä asuu Heinolassa");
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", AUTH).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /** Waits until the application answers, failing early with its log if it exits. */
  private void awaitHealthy() throws Exception {
    Instant limit = Instant.now().plus(START_UP_LIMIT);
    HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build();
    while (Instant.now().isBefore(limit)) {
      if (!app.isAlive()) {
        throw new AssertionError("the jar exited with " + app.exitValue() + ":\n" + log());
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // the server is still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the jar did not start within " + START_UP_LIMIT + ":\n" + log());
  }

  private String log() throws IOException {
    return Files.readString(workDir.resolve("app.log"));
  }
}
