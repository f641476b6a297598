package fi.muutos.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import fi.muutos.testing.PackagedApp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every health check the image and the compose file declare, run as written against the packaged
 * jar (started as a user starts it): the image's and the nodes' ({@code java -jar ...
 * health-check}, exec form, no shell), with the only change that {@code /app/muutos.jar} is the jar
 * the build made. Healthy is exit 0, a node that does not answer exit 1. Also shown: why the
 * earlier check could never pass under the image's {@code sh} (dash has no {@code /dev/tcp}), and
 * that Keycloak's check, under the bash its image has, passes on a ready answer only.
 */
class DeploymentHealthIT {

  private static final String JAR_IN_IMAGE = "/app/muutos.jar";

  @TempDir static Path workDir;
  private static PackagedApp app;
  private static String port;

  @BeforeAll
  static void start() throws Exception {
    app = PackagedApp.start(workDir, List.of("--camunda.bpm.job-execution.enabled=false"));
    port = app.baseUrl().substring(app.baseUrl().lastIndexOf(':') + 1);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theImagesAndTheNodesHealthChecksPassAgainstTheRunningJar() throws Exception {
    List<List<String>> declared = new ArrayList<>();
    declared.add(DeploymentFiles.imageHealthCommand());
    JsonNode services = DeploymentFiles.composeJson().path("services");
    for (String node : List.of("app", "app-2")) {
      List<String> test = new ArrayList<>();
      services.path(node).path("healthcheck").path("test").forEach(part -> test.add(part.asText()));
      assertThat(test.get(0)).isEqualTo("CMD"); // exec form: Compose runs it without a shell
      declared.add(test.subList(1, test.size()));
    }
    for (List<String> command : declared) {
      List<String> local = local(command);
      assertThat(run(local, Map.of("SERVER_PORT", port))).as(String.join(" ", command)).isZero();
      assertThat(run(local, Map.of("SERVER_PORT", String.valueOf(freePort()))))
          .as("a node that does not answer is unhealthy")
          .isEqualTo(1);
    }
  }

  /** What the review found: the image's sh (dash on Debian and Ubuntu) cannot open a socket. */
  @Test
  void aShellSocketCheckCannotWorkUnderDash() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/dash")), "dash is not installed here");
    String earlier =
        "exec 3<>/dev/tcp/127.0.0.1/"
            + port
            + " && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3";
    assertThat(run(List.of("/bin/dash", "-c", earlier), Map.of())).isNotZero();
  }

  @Test
  void keycloaksHealthCheckPassesOnlyWhenItIsReady() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed here");
    List<String> test = new ArrayList<>();
    DeploymentFiles.composeJson()
        .path("services")
        .path("keycloak")
        .path("healthcheck")
        .path("test")
        .forEach(part -> test.add(part.asText()));
    assertThat(test).startsWith("CMD", "bash", "-c");
    for (String status : List.of("UP", "DOWN")) {
      HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      keycloak.createContext(
          "/health/ready",
          exchange -> {
            byte[] body = ("{\"status\": \"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders("UP".equals(status) ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      keycloak.start();
      try {
        List<String> command = new ArrayList<>(test.subList(1, test.size()));
        // Keycloak's management port, 9000 in its image, is a free port here
        command.set(
            2,
            command
                .get(2)
                .replace("/9000", "/" + keycloak.getAddress().getPort())
                .replace("localhost", "127.0.0.1"));
        int exit = run(command, Map.of());
        if ("UP".equals(status)) {
          assertThat(exit).as("ready").isZero();
        } else {
          assertThat(exit).as("not ready").isNotZero();
        }
      } finally {
        keycloak.stop(0);
      }
    }
  }

  private static List<String> local(List<String> command) {
    assertThat(command).as("the command runs the jar of the image").contains(JAR_IN_IMAGE);
    String jar = Path.of(System.getProperty("muutos.jar", "target/muutos.jar")).toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> local = new ArrayList<>();
    for (String part : command) {
      local.add(part.equals(JAR_IN_IMAGE) ? jar : part.equals("java") ? java : part);
    }
    return local;
  }

  /** Runs a command to its end (however long this machine takes) and gives its exit code. */
  private static int run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
    builder.environment().remove("SERVER_PORT");
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getInputStream().transferTo(System.out);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("did not end: " + command);
    }
    return process.exitValue();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
