package fi.muutos.identity;

import static fi.muutos.testing.ApiAccess.ANONYMOUS;
import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.ApiAccess;
import fi.muutos.testing.ApiAccess.Row;
import fi.muutos.testing.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix: for every endpoint in {@code security/api-access.txt} and every group
 * (and anonymous), the endpoint's sample request is sent as a user who is a member of that group
 * only, and must be let through (any answer but 401/403, and no 5xx) exactly when the table allows
 * it; a refusal is a problem document. Every /api and /public endpoint the application maps must
 * have a row, so a new endpoint cannot go unchecked.
 */
@IntegrationTest
class AuthorizationMatrixTest {

  @LocalServerPort int port;

  @Autowired IdentityService identityService;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void oneUserPerGroup() {
    ApiAccess.ensureUsers(identityService);
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointForEveryGroup() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : ApiAccess.table()) {
      List<String> principals = new ArrayList<>(ApiAccess.GROUPS);
      principals.add(0, ANONYMOUS);
      for (String principal : principals) {
        boolean allowed = row.allows(principal);
        tests.add(
            DynamicTest.dynamicTest(
                row.method()
                    + " "
                    + row.pattern()
                    + " as "
                    + principal
                    + (allowed ? ": allowed" : ": denied"),
                () -> {
                  HttpResponse<String> response = send(row, principal);
                  String what =
                      row.method()
                          + " "
                          + row.samplePath()
                          + " as "
                          + principal
                          + " → "
                          + response.statusCode()
                          + " "
                          + response.body();
                  assertThat(response.statusCode()).as(what).isLessThan(500);
                  if (allowed) {
                    assertThat(response.statusCode()).as(what).isNotIn(401, 403);
                  } else {
                    assertThat(response.statusCode())
                        .as(what)
                        .isEqualTo(ANONYMOUS.equals(principal) ? 401 : 403);
                    assertThat(response.headers().firstValue("Content-Type"))
                        .as(what)
                        .get()
                        .asString()
                        .startsWith("application/problem+json");
                  }
                }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyApiAndPublicEndpointHasARow() {
    Set<String> declared = new TreeSet<>();
    for (Row row : ApiAccess.table()) {
      declared.add(row.method() + " " + row.pattern());
    }
    Set<String> mapped = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        handlerMapping.getHandlerMethods().entrySet()) {
      for (String pattern : entry.getKey().getPatternValues()) {
        if (pattern.startsWith("/api") || pattern.startsWith("/public")) {
          entry
              .getKey()
              .getMethodsCondition()
              .getMethods()
              .forEach(method -> mapped.add(method.name() + " " + pattern));
        }
      }
    }
    assertThat(mapped).isNotEmpty();
    assertThat(declared).as("rows of security/api-access.txt").containsAll(mapped);
  }

  private HttpResponse<String> send(Row row, String principal) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + row.samplePath()));
    String authorization = ApiAccess.authorization(principal);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    // what a same-site client sends with a call that changes state (the cross-site rule is the
    // integrity drill's)
    request.header("X-Requested-By", "matrix");
    if (row.hasBody()) {
      String[] body = ApiAccess.body(row.body());
      request
          .header("Content-Type", body[0])
          .method(row.method(), HttpRequest.BodyPublishers.ofString(body[1]));
    } else {
      request.method(row.method(), HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
