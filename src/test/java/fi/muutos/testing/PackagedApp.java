package fi.muutos.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The executable jar started as a user starts it ({@code java -jar}), in a working directory of its
 * own, on a free port; its output goes to {@code app.log} there. For tests and benchmarks that run
 * after {@code package} (failsafe), which finds the jar in {@code muutos.jar}.
 */
public final class PackagedApp implements AutoCloseable {

  private static final Duration START_UP_LIMIT = Duration.ofMinutes(3);

  private final Process process;
  private final Path log;
  private final String baseUrl;

  private PackagedApp(Process process, Path log, String baseUrl) {
    this.process = process;
    this.log = log;
    this.baseUrl = baseUrl;
  }

  /** Starts the jar with these Spring Boot arguments and waits until it reports healthy. */
  public static PackagedApp start(Path workDir, List<String> arguments) throws Exception {
    Path jar = Path.of(System.getProperty("muutos.jar", "target/muutos.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException("no packaged jar at " + jar + ": run through mvn verify");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--server.port=" + port));
    command.addAll(arguments);
    Files.createDirectories(workDir);
    Path log = workDir.resolve("app.log");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    PackagedApp app = new PackagedApp(process, log, "http://127.0.0.1:" + port);
    try {
      app.awaitHealthy();
    } catch (Exception | AssertionError e) {
      app.close();
      throw e;
    }
    return app;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  /** Waits until the application answers, failing early with its log if it exits. */
  private void awaitHealthy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant limit = Instant.now().plus(START_UP_LIMIT);
    HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).build();
    while (Instant.now().isBefore(limit)) {
      if (!process.isAlive()) {
        throw new AssertionError("the jar exited with " + process.exitValue() + ":\n" + log());
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

  /** Kills the process as a crash would (SIGKILL): no shutdown hooks, no graceful close. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
