package fi.muutos.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A real HTTP client against the running application, with cookies like a browser. */
public final class HttpTestClient {

  private final String baseUrl;
  private final HttpClient client;

  public HttpTestClient(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  public HttpResponse<String> get(String path, String user, String password) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user, password))
            .GET()
            .build());
  }

  /** A GET whose body is bytes (a PDF, an image). */
  public HttpResponse<byte[]> getBytes(String path, String user, String password) {
    try {
      return client.send(
          HttpRequest.newBuilder(uri(path))
              .header("Authorization", basic(user, password))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> postJson(String path, String user, String password, String json) {
    return post(path, user, password, "application/json", json);
  }

  public HttpResponse<String> post(
      String path, String user, String password, String contentType, String body) {
    return send(path, user, password, contentType, body);
  }

  public HttpResponse<String> put(String path, String user, String password, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user, password))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A DELETE as a same-site client sends it (with {@code X-Requested-By}: it has no body). */
  public HttpResponse<String> delete(String path, String user, String password) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user, password))
            .header("X-Requested-By", "test")
            .DELETE()
            .build());
  }

  /**
   * A call with no credentials of its own, as a page in a signed-in browser makes it (the session
   * cookie only); a JSON body when given; extra headers as name, value, ...
   */
  public HttpResponse<String> withSession(
      String method, String path, String json, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  /** A POST with extra headers given as name, value, name, value ... */
  public HttpResponse<String> send(
      String path,
      String user,
      String password,
      String contentType,
      String body,
      String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user, password))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  /**
   * Logs into a Camunda webapp as its login page does: fetch the app for the CSRF token, then post
   * the form. Returns the login response (200 when the user may use the app, 403 when not).
   */
  public HttpResponse<String> webappLogin(String app, String user, String password) {
    HttpResponse<String> page = get("/camunda/app/" + app + "/default/");
    String token =
        page.headers()
            .firstValue("X-XSRF-TOKEN")
            .orElseThrow(() -> new AssertionError("no CSRF token from " + app));
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
            .header("X-XSRF-TOKEN", token)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
