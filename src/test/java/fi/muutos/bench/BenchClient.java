package fi.muutos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP as the benchmark's clients use it: HTTP Basic as a demo user, JSON in and out. */
final class BenchClient {

  static final String JSON = "application/json";
  static final String CLOUDEVENT = "application/cloudevents+json";
  static final String CLOUDEVENT_BATCH = "application/cloudevents-batch+json";
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  BenchClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  HttpResponse<String> send(
      String method, String path, String user, String contentType, String body)
      throws IOException, InterruptedException {
    return send(method, path, user, contentType, body, "application/json");
  }

  HttpResponse<String> send(
      String method, String path, String user, String contentType, String body, String accept)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", basic(user))
            .header("Accept", accept);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An anonymous GET, as a resident's browser sends it, with extra headers (name, value, ...). */
  HttpResponse<String> anonymous(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends and reads the JSON answer; any other status than {@code expected} is a failure. */
  JsonNode call(
      String method, String path, String user, String contentType, String body, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response = send(method, path, user, contentType, body);
    if (response.statusCode() != expected) {
      throw new BenchFailure(
          method
              + " "
              + path
              + " as "
              + user
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
    return response.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(response.body());
  }

  JsonNode get(String path, String user) throws IOException, InterruptedException {
    return call("GET", path, user, null, null, 200);
  }

  static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  /** A request that did not get the answer the workload expects. */
  static final class BenchFailure extends RuntimeException {
    BenchFailure(String message) {
      super(message);
    }
  }
}
