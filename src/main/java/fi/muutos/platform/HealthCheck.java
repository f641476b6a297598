package fi.muutos.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@code java -jar muutos.jar health-check}: the container's health check, with nothing but the JRE
 * the image has (its {@code /bin/sh} is dash, which cannot open a socket; it has no curl or wget).
 * Asks the running node's {@code /actuator/health} on this machine and exits 0 when it answers 200
 * with status {@code UP}, 1 otherwise (with the reason on standard error). The port and context
 * path are the node's own settings: {@code SERVER_PORT} (default 8080) and {@code
 * SERVER_SERVLET_CONTEXT_PATH}. Runs before Spring starts, in a JVM of its own, in about a second.
 */
public final class HealthCheck {

  /** The first argument that asks for the check instead of the application. */
  public static final String COMMAND = "health-check";

  private static final Duration TIMEOUT = Duration.ofSeconds(4);

  private HealthCheck() {}

  /** Whether the arguments ask for the health check. */
  public static boolean requested(String[] args) {
    return args.length > 0 && COMMAND.equals(args[0]);
  }

  /** Checks the node the environment describes; 0 healthy, 1 not. */
  public static int run(Map<String, String> environment, PrintStream errors) {
    URI health = uri(environment);
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .build()
              .send(
                  HttpRequest.newBuilder(health).timeout(TIMEOUT).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
        return 0;
      }
      errors.println(
          "Muutos is not healthy: "
              + health
              + " answered "
              + response.statusCode()
              + " "
              + body(response));
      return 1;
    } catch (IOException e) {
      errors.println("Muutos ei vastaa (does not answer): " + health + ": " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      errors.println("Terveystarkistus keskeytyi (the health check was interrupted)");
      return 1;
    }
  }

  static URI uri(Map<String, String> environment) {
    String port = environment.getOrDefault("SERVER_PORT", "8080").strip();
    String contextPath = environment.getOrDefault("SERVER_SERVLET_CONTEXT_PATH", "").strip();
    if (contextPath.endsWith("/")) {
      contextPath = contextPath.substring(0, contextPath.length() - 1);
    }
    return URI.create("http://127.0.0.1:" + port + contextPath + "/actuator/health");
  }

  private static String body(HttpResponse<String> response) {
    String body = response.body();
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }
}
