package fi.muutos.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A stand-in for Ryhti's plan service, at a boundary we do not own: every request is checked
 * against SYKE's OpenAPI description ({@code docs/ryhti/planService-OpenApi.json}); one that breaks
 * it is answered 400 and recorded as a violation, which the tests assert there are none of. It
 * answers like Ryhti: a token for the client's secret (401 without a valid one), identifiers
 * reserved once per project name, a plan matter once per identifier, a phase added once per key
 * (adding it again is a 422) and corrected by PUT (404 when it is not there); scripted answers (422
 * with a rule, 503) come first when a test queues them. The application is pointed at it with
 * delivery on ({@code muutos.ryhti.*}); the poll interval is an hour, so tests send themselves.
 */
public class FakeRyhti implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String CLIENT_ID = "muutos-test";
  public static final String SECRET = "testisalaisuus";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static FakeRyhti server;

  private final HttpServer http;
  private final OpenApiInteractionValidator validator;
  private final List<String> violations = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private final Deque<Scripted> scripted = new ArrayDeque<>();
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Map<String, String> identifiers = new LinkedHashMap<>();
  private final Map<String, JsonNode> matters = new LinkedHashMap<>();
  private final Map<String, Map<String, JsonNode>> phases = new LinkedHashMap<>();
  private int tokenCount;

  /** A request Ryhti got: method, path, body, and the status it answered. */
  public record Call(String method, String path, String body, int status) {}

  /** A scripted answer; {@code lost}: the request is carried out, but its answer is this one. */
  private record Scripted(String method, Pattern path, int status, String body, boolean lost) {}

  public FakeRyhti() {
    this.http = null;
    this.validator = null;
  }

  private FakeRyhti(boolean start) {
    try {
      String spec = Files.readString(Path.of("docs/ryhti/planService-OpenApi.json"));
      this.validator =
          OpenApiInteractionValidator.createForInlineApiSpecification(spec)
              .withBasePathOverride("/plan")
              .build();
      this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.createContext("/plan/api/", this::handle);
    http.start();
  }

  /** A server of its own (the stand-in's own test), apart from the application's. */
  static FakeRyhti standalone() {
    return new FakeRyhti(true);
  }

  void stop() {
    http.stop(0);
  }

  /** The server, started on first use. */
  public static synchronized FakeRyhti server() {
    if (server == null) {
      server = new FakeRyhti(true);
    }
    return server;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "muutos.ryhti.enabled=true",
            "muutos.ryhti.base-url=" + server().baseUrl(),
            "muutos.ryhti.client-id=" + CLIENT_ID,
            "muutos.ryhti.client-secret=" + SECRET,
            "muutos.ryhti.poll-interval=PT1H",
            "muutos.ryhti.retry.first-delay=PT1S",
            "muutos.ryhti.headers.X-Road-Client=FI-TEST/MUN/0123456-7/muutos")
        .applyTo(context.getEnvironment());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/plan";
  }

  /** The next request of this method whose path matches gets this answer instead. */
  public synchronized void answerNext(String method, String pathRegex, int status, String body) {
    scripted.add(new Scripted(method, Pattern.compile(pathRegex), status, body, false));
  }

  /**
   * The next request of this method whose path matches is carried out, but its answer is lost on
   * the way back (the caller sees a 503, as from a security server that timed out).
   */
  public synchronized void loseNextAnswer(String method, String pathRegex) {
    scripted.add(
        new Scripted(
            method, Pattern.compile(pathRegex), 503, problem(503, "Gateway timeout", ""), true));
  }

  /** The next phase validation of this lifecycle code is refused with Ryhti's 422 and a rule. */
  public synchronized void refuseNextPhase(String ruleId, String message) {
    ObjectNode problem = JSON.createObjectNode();
    problem.put("type", "https://tools.ietf.org/html/rfc4918#section-11.2");
    problem.put("title", "One or more validation errors occurred.");
    problem.put("status", 422);
    problem.putArray("errors").addObject().put("ruleId", ruleId).put("message", message);
    answerNext("POST", ".*/phase/[^/]+/validate", 422, problem.toString());
  }

  /** Every token given so far stops being valid (as when they expire). */
  public void expireTokens() {
    tokens.clear();
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  public synchronized int tokensGiven() {
    return tokenCount;
  }

  /** The phases Ryhti holds of a plan (permanent identifier), by key. */
  public synchronized Map<String, JsonNode> phases(String identifier) {
    return Map.copyOf(phases.getOrDefault(identifier, Map.of()));
  }

  public synchronized JsonNode matter(String identifier) {
    return matters.get(identifier);
  }

  /** The identifier reserved for a project name (our business key). */
  public synchronized String identifier(String projectName) {
    return identifiers.get(projectName);
  }

  private static final Pattern MATTER =
      Pattern.compile(
          "/plan/api/(LocalDetailedPlanMatter|LocalMasterPlanMatter)/([^/]+)(/Validate)?");
  private static final Pattern PHASE =
      Pattern.compile(
          "/plan/api/(LocalDetailedPlanMatter|LocalMasterPlanMatter)/([^/]+)/phase/([^/]+)"
              + "(/validate)?");

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String query = exchange.getRequestURI().getRawQuery();
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(method, path)
            .withHeader(
                "Authorization",
                exchange.getRequestHeaders().getOrDefault("Authorization", List.of()));
    if (!body.isEmpty()) {
      request.withBody(body).withContentType("application/json");
    }
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        request.withQueryParam(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    ValidationReport report = validator.validateRequest(request.build());
    Answer answer;
    if (report.hasErrors()) {
      String messages =
          report.getMessages().stream()
              .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
              .map(FakeRyhti::describe)
              .toList()
              .toString();
      violations.add(method + " " + path + " " + messages);
      answer = new Answer(400, problem(400, "Kutsun rakenne ei ole scheman mukainen.", messages));
    } else {
      answer = answer(method, path, body, exchange);
    }
    calls.add(new Call(method, path, body, answer.status()));
    byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (answer.expiresIn() != null) {
      exchange.getResponseHeaders().set("X-Token-Expires-In", answer.expiresIn());
    }
    exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      exchange.getResponseBody().write(out);
    }
    exchange.close();
  }

  /** A violation with the nested messages the description's allOf wraps the real one in. */
  private static String describe(ValidationReport.Message message) {
    StringBuilder text = new StringBuilder(message.getKey() + ": " + message.getMessage());
    message.getAdditionalInfo().forEach(info -> text.append(" | ").append(info));
    message.getNestedMessages().forEach(nested -> text.append(" | ").append(describe(nested)));
    return text.toString();
  }

  private record Answer(int status, String body, String expiresIn) {
    Answer(int status, String body) {
      this(status, body, null);
    }
  }

  private Answer answer(String method, String path, String body, HttpExchange exchange)
      throws IOException {
    if (path.equals("/plan/api/Authenticate")) {
      if (!JSON.writeValueAsString(SECRET).equals(body.strip())) {
        return new Answer(400, JSON.writeValueAsString("invalid_client"));
      }
      String token = "token-" + (++tokenCount);
      tokens.add(token);
      return new Answer(200, JSON.writeValueAsString(token), "3600");
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !tokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
      return new Answer(401, "");
    }
    for (Scripted next : scripted) {
      if (next.method().equals(method) && next.path().matcher(path).matches()) {
        scripted.remove(next);
        if (next.lost()) {
          carryOut(method, path, body);
        }
        return new Answer(next.status(), next.body());
      }
    }
    return carryOut(method, path, body);
  }

  private Answer carryOut(String method, String path, String body) throws IOException {
    JsonNode json = body.isEmpty() ? null : JSON.readTree(body);
    if (path.endsWith("/PermanentPlanIdentifier")) {
      String project = json.path("projectName").asText();
      boolean existed = identifiers.containsKey(project);
      String identifier =
          identifiers.computeIfAbsent(
              project,
              p ->
                  json.path("administrativeAreaIdentifier").asText()
                      + (path.contains("Master") ? "Y" : "A")
                      + "-"
                      + (identifiers.size() + 1));
      return new Answer(existed ? 200 : 201, JSON.writeValueAsString(identifier));
    }
    Matcher phase = PHASE.matcher(path);
    if (phase.matches()) {
      return phase(method, phase.group(2), phase.group(3), phase.group(4) != null, json);
    }
    Matcher matter = MATTER.matcher(path);
    if (matter.matches()) {
      return matter(method, matter.group(2), matter.group(3) != null, json);
    }
    return new Answer(404, problem(404, "Not Found", path));
  }

  private Answer matter(String method, String identifier, boolean validate, JsonNode body) {
    if (!identifiers.containsValue(identifier)) {
      return new Answer(422, validation("planmatter/permanent-identifier-reserved", identifier));
    }
    if ("GET".equals(method)) {
      return matters.containsKey(identifier)
          ? new Answer(200, matters.get(identifier).toString())
          : new Answer(422, validation("planmatter/not-found", identifier));
    }
    if (matters.containsKey(identifier)) {
      return new Answer(422, validation("planmatter/exists", identifier));
    }
    if (!identifier.equals(body.path("permanentPlanIdentifier").asText())) {
      return new Answer(422, validation("planmatter/identifier-matches-path", identifier));
    }
    if (!validate) {
      matters.put(identifier, body);
      Map<String, JsonNode> stored = phases.computeIfAbsent(identifier, k -> new LinkedHashMap<>());
      body.path("planMatterPhases")
          .forEach(p -> stored.put(p.path("planMatterPhaseKey").asText(), p));
    }
    return new Answer(validate ? 200 : 201, success(identifier));
  }

  private Answer phase(
      String method, String identifier, String key, boolean validate, JsonNode body) {
    if (!matters.containsKey(identifier)) {
      return new Answer(422, validation("planmatterphase/matter-exists", identifier));
    }
    Map<String, JsonNode> stored = phases.get(identifier);
    if ("GET".equals(method)) {
      return stored.containsKey(key)
          ? new Answer(200, stored.get(key).toString())
          : new Answer(404, problem(404, "Not Found", key));
    }
    if (!key.equals(body.path("planMatterPhaseKey").asText())) {
      return new Answer(422, validation("planmatterphase/key-matches-path", key));
    }
    if (validate) {
      return new Answer(200, success(key));
    }
    if ("POST".equals(method)) {
      if (stored.containsKey(key)) {
        return new Answer(422, validation("planmatterphase/exists", key));
      }
      stored.put(key, body);
      return new Answer(201, success(key));
    }
    if (!stored.containsKey(key)) {
      return new Answer(404, problem(404, "Not Found", key));
    }
    stored.put(key, body);
    return new Answer(200, success(key));
  }

  private static String success(String key) {
    ObjectNode node = JSON.createObjectNode();
    node.put("key", key);
    node.put("uri", "https://uri.rakennetunymparistontietojarjestelma.fi/" + key);
    node.putArray("warnings");
    return node.toString();
  }

  private static String validation(String ruleId, String instance) {
    ObjectNode node = JSON.createObjectNode();
    node.put("title", "One or more validation errors occurred.");
    node.put("status", 422);
    node.putArray("errors")
        .addObject()
        .put("ruleId", ruleId)
        .put("message", "Sääntö " + ruleId + " ei täyty")
        .put("instance", instance);
    return node.toString();
  }

  private static String problem(int status, String title, String detail) {
    ObjectNode node = JSON.createObjectNode();
    node.put("title", title);
    node.put("status", status);
    node.put("detail", detail);
    return node.toString();
  }
}
