package fi.muutos.ryhti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.zoning.RyhtiProblem;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;

/**
 * Calls Ryhti's plan service as its description defines it: {@code POST /api/Authenticate} with the
 * client id and the secret as a JSON string gives a token, sent as {@code Authorization: Bearer} on
 * every later call and renewed when it expires or a call answers 401. Every answer becomes an
 * {@link Answer}: accepted, refused (400/422, with Ryhti's own messages), not there (404), or
 * failed (5xx, a timeout, no connection: worth another try later). The secret is never logged.
 */
@Component
class RyhtiClient {

  private static final Logger LOG = LoggerFactory.getLogger(RyhtiClient.class);
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);
  private static final Duration DEFAULT_TOKEN_LIFE = Duration.ofMinutes(5);

  private final RyhtiSettings settings;
  private final ObjectMapper json;
  private final Clock clock;
  private final RestClient http;
  private String token;
  private Instant tokenExpires = Instant.MIN;

  RyhtiClient(RyhtiSettings settings, ObjectMapper json, Clock clock) {
    this.settings = settings;
    this.json = json;
    this.clock = clock;
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
    requests.setReadTimeout(settings.readTimeout());
    this.http =
        RestClient.builder()
            .requestFactory(requests)
            .defaultHeaders(headers -> settings.headers().forEach(headers::set))
            .build();
  }

  /** What Ryhti answered. */
  sealed interface Answer {
    Integer status();
  }

  /** 2xx, with the body (an identifier, a SuccessResponse, a stored object). */
  record Accepted(Integer status, String body) implements Answer {}

  /** 400 or 422: not sent again until corrected. */
  record Refused(Integer status, List<RyhtiProblem> problems) implements Answer {}

  /** 404: what was asked for is not there. */
  record NotThere(Integer status) implements Answer {}

  /** 5xx, 401 after a fresh token, a timeout or no connection: to be tried again later. */
  record Failed(Integer status, String error) implements Answer {}

  Answer get(String path) {
    return call(HttpMethod.GET, path, null, true);
  }

  Answer post(String path, String body) {
    return call(HttpMethod.POST, path, body, true);
  }

  Answer put(String path, String body) {
    return call(HttpMethod.PUT, path, body, true);
  }

  /** A path segment (an identifier or a key), encoded. */
  static String segment(String value) {
    return UriUtils.encodePathSegment(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private Answer call(HttpMethod method, String path, String body, boolean renewOn401) {
    String bearer;
    try {
      bearer = token();
    } catch (AuthenticationFailed e) {
      return new Failed(e.status, e.getMessage());
    }
    Answer answer = exchange(method, path, body, bearer);
    if (answer.status() != null && answer.status() == 401 && renewOn401) {
      synchronized (this) {
        tokenExpires = Instant.MIN;
      }
      return call(method, path, body, false);
    }
    if (answer.status() != null && answer.status() == 401) {
      return new Failed(401, "Ryhti ei hyväksynyt tunnistetta (401)");
    }
    return answer;
  }

  private Answer exchange(HttpMethod method, String path, String body, String bearer) {
    try {
      RestClient.RequestBodySpec request =
          http.method(method)
              .uri(java.net.URI.create(url(path)))
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
              .accept(MediaType.APPLICATION_JSON);
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).body(body);
      }
      return request.exchange(
          (req, res) -> {
            int status = res.getStatusCode().value();
            String text =
                new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (status >= 200 && status < 300) {
              return new Accepted(status, text);
            }
            if (status == 400 || status == 422) {
              return new Refused(status, problems(status, text));
            }
            if (status == 404) {
              return new NotThere(status);
            }
            return new Failed(status, "Ryhti vastasi " + status + ": " + abbreviate(text));
          });
    } catch (ResourceAccessException e) {
      return new Failed(null, "Ryhtiin ei saatu yhteyttä: " + e.getMessage());
    }
  }

  private synchronized String token() {
    Instant now = clock.instant();
    if (token != null && now.isBefore(tokenExpires)) {
      return token;
    }
    String secret;
    try {
      secret = json.writeValueAsString(settings.clientSecret());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    try {
      String[] answer = new String[1];
      Integer status =
          http.post()
              .uri(
                  java.net.URI.create(
                      url("/api/Authenticate")
                          + "?clientId="
                          + UriUtils.encodeQueryParam(
                              settings.clientId(), java.nio.charset.StandardCharsets.UTF_8)))
              .contentType(MediaType.APPLICATION_JSON)
              .body(secret)
              .exchange(
                  (req, res) -> {
                    answer[0] =
                        new String(
                            res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    String expiresIn = res.getHeaders().getFirst("X-Token-Expires-In");
                    if (res.getStatusCode().is2xxSuccessful()) {
                      Duration life = DEFAULT_TOKEN_LIFE;
                      if (expiresIn != null && expiresIn.strip().matches("[0-9]{1,9}")) {
                        life = Duration.ofSeconds(Long.parseLong(expiresIn.strip()));
                      }
                      tokenExpires = clock.instant().plus(life).minus(TOKEN_MARGIN);
                    }
                    return res.getStatusCode().value();
                  });
      if (status < 200 || status >= 300) {
        throw new AuthenticationFailed(
            status, "Tunnistautuminen Ryhtiin epäonnistui (" + status + ")");
      }
      token = text(answer[0]);
      LOG.info("Ryhti: uusi tunniste asiakkaalle {}", settings.clientId());
      return token;
    } catch (ResourceAccessException e) {
      throw new AuthenticationFailed(null, "Ryhtiin ei saatu yhteyttä: " + e.getMessage());
    }
  }

  /** A text Ryhti answers (a token, an identifier): a JSON string, or plain text. */
  String text(String body) {
    String text = body == null ? "" : body.strip();
    if (text.startsWith("\"")) {
      try {
        return json.readValue(text, String.class);
      } catch (JsonProcessingException e) {
        return text;
      }
    }
    return text;
  }

  /** A 400's problem details or a 422's validation errors, in Ryhti's own words. */
  private List<RyhtiProblem> problems(int status, String body) {
    List<RyhtiProblem> problems = new ArrayList<>();
    JsonNode node;
    try {
      node = json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JsonProcessingException e) {
      return List.of(
          RyhtiProblem.ryhti(null, "Ryhti vastasi " + status + ": " + abbreviate(body), null));
    }
    JsonNode errors = node.path("errors");
    if (errors.isArray()) {
      for (JsonNode error : errors) {
        problems.add(
            RyhtiProblem.ryhti(
                text(error, "ruleId"), text(error, "message"), text(error, "instance")));
      }
    } else if (errors.isObject()) {
      errors
          .fields()
          .forEachRemaining(
              field ->
                  field
                      .getValue()
                      .forEach(
                          message ->
                              problems.add(
                                  RyhtiProblem.ryhti(null, message.asText(), field.getKey()))));
    }
    if (problems.isEmpty()) {
      String title = text(node, "title");
      String detail = text(node, "detail");
      problems.add(
          RyhtiProblem.ryhti(
              null,
              (title == null ? "Ryhti vastasi " + status : title)
                  + (detail == null ? "" : ": " + detail),
              text(node, "instance")));
    }
    return problems;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private String url(String path) {
    String base = settings.baseUrl().toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 500 ? text : text.substring(0, 497) + "...";
  }

  /** The token could not be had. */
  private static final class AuthenticationFailed extends RuntimeException {
    private final Integer status;

    AuthenticationFailed(Integer status, String message) {
      super(message);
      this.status = status;
    }
  }
}
