package fi.muutos.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.muutos.testing.ApiAccess;
import fi.muutos.testing.ApiAccess.Row;
import fi.muutos.testing.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hostile-input drill: at least 10,000 generated requests, malformed, oversized, wrongly typed,
 * injected and unauthorised, against every endpoint of {@code security/api-access.txt} (every /api
 * and public endpoint) and a set of /engine-rest calls. None may get a 5xx, none that writes may be
 * accepted, and afterwards every table holds exactly as many rows as before. Each request is made
 * from a valid sample request by one mutation, so it fails for one reason. Writes its counts to
 * {@code target/drills/hostile-input.md}.
 */
@IntegrationTest
class HostileInputTest {

  static final int AT_LEAST = 10_000;
  static final long SEED = 20261128L;
  static final String[] INJECTIONS = {
    "' or '1'='1",
    "1; drop table mu_measure; --",
    "' union select id_, pwd_ from act_id_user --",
    "\" or \"\"=\"",
    "../../../../etc/passwd",
    "..%2f..%2fapi%2fstrategy",
    "<script>alert(1)</script>",
    "${7*7}",
    "#{7*7}",
    "{{7*7}}",
    "%00",
    "\u0000",
    "a\u0000b",
    "\r\nX-Injected: 1",
    "$(reboot)",
    "\\",
    "😀💥",
    "Ω≈ç√∫",
    "null",
    "true",
    "-1",
    "9999999999999999999999",
    "1e309",
    "NaN",
    " ",
    "",
    "A".repeat(5000),
    "Ä".repeat(70_000)
  };

  /** Tables that change on their own (the engine's metrics), not through requests. */
  static final List<String> SELF_CHANGING = List.of("act_ru_meter_log", "act_ru_task_meter_log");

  @LocalServerPort int port;

  @Autowired IdentityService identityService;

  @Autowired JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Random random = new Random(SEED);

  /** One generated request; {@code writes} when a 2xx would mean something was changed. */
  record Hostile(
      String kind,
      String method,
      String path,
      String authorization,
      String contentType,
      byte[] body,
      boolean chunked,
      boolean writes) {}

  @BeforeEach
  void users() {
    ApiAccess.ensureUsers(identityService);
  }

  @Test
  void tenThousandHostileRequestsGetNo5xxAndChangeNothing() throws Exception {
    List<Hostile> requests = generate();
    assertThat(requests).hasSizeGreaterThanOrEqualTo(AT_LEAST);
    Map<String, Long> before = rowCounts();

    Map<String, LongAdder> byKindAndStatus = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      clients.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement();
                    i < requests.size();
                    i = next.getAndIncrement()) {
                  Hostile hostile = requests.get(i);
                  int status = send(hostile);
                  byKindAndStatus
                      .computeIfAbsent(hostile.kind() + " " + status, k -> new LongAdder())
                      .increment();
                  if (status >= 500 || status == 0 || (hostile.writes() && status < 400)) {
                    failures.add(
                        status
                            + " for "
                            + hostile.kind()
                            + ": "
                            + hostile.method()
                            + " "
                            + abbreviate(hostile.path())
                            + " "
                            + abbreviate(
                                hostile.body() == null
                                    ? ""
                                    : new String(hostile.body(), StandardCharsets.UTF_8)));
                  }
                }
                return null;
              }));
    }
    for (Future<?> client : clients) {
      client.get();
    }
    pool.shutdown();
    Map<String, Long> after = rowCounts();
    report(requests.size(), byKindAndStatus, failures.size(), before, after);

    assertThat(failures).as("5xx answers or accepted writes").isEmpty();
    assertThat(after).as("row counts of every table").isEqualTo(before);
  }

  @Test
  void publicEndpointsShowNoPersonalDataAndTakeNoWrites() throws Exception {
    String strategy = sendForBody("GET", "/public/strategy");
    assertThat(strategy).contains("\"measures\"").doesNotContain("userId");
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
      int status =
          send(
              new Hostile(
                  "public",
                  method,
                  "/public/strategy",
                  null,
                  "application/json",
                  "{}".getBytes(StandardCharsets.UTF_8),
                  false,
                  true));
      assertThat(status).as(method + " /public/strategy").isIn(401, 403, 405);
    }
    // a path that climbs out of /public is still the private API
    assertThat(
            send(
                new Hostile(
                    "public", "GET", "/public/../api/strategy", null, null, null, false, false)))
        .isIn(400, 401, 404);
    assertThat(
            send(
                new Hostile(
                    "public",
                    "GET",
                    "/public/%2e%2e/api/strategy",
                    null,
                    null,
                    null,
                    false,
                    false)))
        .isIn(400, 401, 404);
  }

  // ---------------------------------------------------------------- generation

  private List<Hostile> generate() throws Exception {
    List<Row> rows = ApiAccess.table();
    List<Hostile> all = new ArrayList<>();
    int round = 0;
    while (all.size() < AT_LEAST) {
      for (Row row : rows) {
        all.addAll(forRow(row, round));
      }
      all.addAll(engineRest(round));
      round++;
    }
    return all;
  }

  private List<Hostile> forRow(Row row, int round) throws Exception {
    List<Hostile> out = new ArrayList<>();
    boolean writes = !"GET".equals(row.method());
    String group = row.allowedGroup();
    String auth = group == null ? null : ApiAccess.authorization(group);
    String injection = INJECTIONS[random.nextInt(INJECTIONS.length)];

    // unauthorised: anonymous, unknown users, broken headers, and a group the row does not allow
    String denied = ApiAccess.GROUPS.stream().filter(g -> !row.allows(g)).findAny().orElse(null);
    String[] sample = row.hasBody() ? ApiAccess.body(row.body()) : null;
    byte[] sampleBody = sample == null ? null : sample[1].getBytes(StandardCharsets.UTF_8);
    String sampleType = sample == null ? null : sample[0];
    if (!row.allows(ApiAccess.ANONYMOUS)) {
      out.add(
          new Hostile(
              "unauthorised",
              row.method(),
              row.samplePath(),
              null,
              sampleType,
              sampleBody,
              false,
              writes));
      out.add(
          new Hostile(
              "unauthorised",
              row.method(),
              row.samplePath(),
              basic("haamu", "x"),
              sampleType,
              sampleBody,
              false,
              writes));
      out.add(
          new Hostile(
              "unauthorised",
              row.method(),
              row.samplePath(),
              List.of(
                      "Basic !!!",
                      "Bearer " + injection,
                      "Basic " + base64("ilman-kaksoispistetta"),
                      "Basic " + base64(":"),
                      "Digest username=\"admin\"",
                      "Basic " + base64(injection + ":" + injection))
                  .get(round % 6),
              sampleType,
              sampleBody,
              false,
              writes));
      if (denied != null) {
        out.add(
            new Hostile(
                "unauthorised",
                row.method(),
                row.samplePath(),
                ApiAccess.authorization(denied),
                sampleType,
                sampleBody,
                false,
                writes));
      }
    }
    // wrong methods and paths (a method the same path also answers, by its own row, is not wrong)
    String wrongMethod =
        java.util.stream.Stream.of("PUT", "DELETE", "PATCH", "PUT", "DELETE")
            .skip(round % 3)
            .filter(
                method ->
                    ApiAccess.table().stream()
                        .noneMatch(
                            other ->
                                other.method().equals(method)
                                    && other.pattern().equals(row.pattern())))
            .findFirst()
            .orElse("PATCH");
    out.add(
        new Hostile(
            "method", wrongMethod, row.samplePath(), auth, sampleType, sampleBody, false, true));
    out.add(
        new Hostile(
            "path",
            row.method(),
            injectPath(row.samplePath(), injection),
            auth,
            sampleType,
            sampleBody,
            false,
            writes));
    if ("GET".equals(row.method())) {
      out.add(
          new Hostile(
              "query",
              "GET",
              row.samplePath()
                  + "?state="
                  + encode(injection)
                  + "&limit="
                  + encode(injection)
                  + "&type="
                  + encode(injection)
                  + "&status="
                  + encode(injection),
              auth,
              null,
              null,
              false,
              false));
    }
    if (sample == null) {
      return out;
    }
    // media types, empty and oversized bodies
    out.add(
        new Hostile(
            "media",
            row.method(),
            row.samplePath(),
            auth,
            List.of(
                    "text/plain",
                    "application/xml",
                    "multipart/form-data; boundary=x",
                    "application/x-www-form-urlencoded",
                    "image/png")
                .get(round % 5),
            sampleBody,
            false,
            true));
    out.add(
        new Hostile(
            "empty", row.method(), row.samplePath(), auth, sampleType, new byte[0], false, true));
    if (round % 10 == 0) {
      byte[] huge = oversized(sample[1]);
      out.add(
          new Hostile(
              "oversized",
              row.method(),
              row.samplePath(),
              auth,
              sampleType,
              huge,
              round % 20 == 10,
              true));
    }
    // malformed syntax
    for (String malformed : malformed(sample[1], round)) {
      out.add(
          new Hostile(
              "malformed",
              row.method(),
              row.samplePath(),
              auth,
              sampleType,
              malformed.getBytes(StandardCharsets.UTF_8),
              false,
              true));
    }
    if (!sampleType.contains("json")) {
      return out;
    }
    // wrong types and injected values, one field at a time
    JsonNode tree = json.readTree(sample[1]);
    for (String mutated : mutations(tree, injection)) {
      out.add(
          new Hostile(
              "typed",
              row.method(),
              row.samplePath(),
              auth,
              sampleType,
              mutated.getBytes(StandardCharsets.UTF_8),
              false,
              true));
    }
    return out;
  }

  /** Calls on the engine's REST API that must be refused without changing anything. */
  private List<Hostile> engineRest(int round) {
    String planner = ApiAccess.authorization("kaavoitus");
    String injection = encode(INJECTIONS[round % INJECTIONS.length]);
    String jsonType = "application/json";
    List<Hostile> out = new ArrayList<>();
    out.add(
        new Hostile(
            "engine-rest",
            "POST",
            "/engine-rest/process-definition/key/zoningPlan/" + "start",
            planner,
            jsonType,
            bytes(malformed("{\"variables\":{}}", round).get(0)),
            false,
            true));
    out.add(
        new Hostile(
            "engine-rest",
            "POST",
            "/engine-rest/process-definition/key/" + injection + "/start",
            planner,
            jsonType,
            bytes("{}"),
            false,
            true));
    out.add(
        new Hostile(
            "engine-rest",
            "GET",
            "/engine-rest/task?sortBy=" + injection + "&sortOrder=asc",
            planner,
            null,
            null,
            false,
            false));
    out.add(
        new Hostile(
            "engine-rest",
            "GET",
            "/engine-rest/process-instance?businessKey=" + injection,
            planner,
            null,
            null,
            false,
            false));
    out.add(
        new Hostile(
            "engine-rest",
            "POST",
            "/engine-rest/task/" + injection + "/complete",
            planner,
            jsonType,
            bytes("{\"variables\":{}}"),
            false,
            true));
    out.add(
        new Hostile(
            "engine-rest",
            "POST",
            "/engine-rest/message",
            planner,
            jsonType,
            bytes("{\"messageName\":\"" + injection + "\",\"businessKey\":\"" + injection + "\"}"),
            false,
            true));
    out.add(
        new Hostile(
            "engine-rest",
            "POST",
            "/engine-rest/deployment/create",
            planner,
            "multipart/form-data; boundary=rikki",
            bytes(
                "--rikki\r\nContent-Disposition: form-data; "
                    + "name=\"x.bpmn\"; filename=\"x.bpmn\"\r\n\r\n<definitions/>\r\n--rikki--\r\n"),
            false,
            true));
    out.add(
        new Hostile(
            "engine-rest",
            "PUT",
            "/engine-rest/process-instance/" + injection + "/variables/x",
            planner,
            jsonType,
            bytes("{\"value\":1,\"type\":\"" + injection + "\"}"),
            false,
            true));
    out.add(
        new Hostile(
            "engine-rest",
            "POST",
            "/engine-rest/user/create",
            planner,
            jsonType,
            bytes(
                "{\"profile\":{\"id\":\""
                    + injection
                    + "\"},\"credentials\":{\"password\":\"x\"}}"),
            false,
            true));
    out.add(
        new Hostile(
            "engine-rest", "DELETE", "/engine-rest/user/admin", planner, null, null, false, true));
    return out;
  }

  private List<String> malformed(String sample, int round) {
    int cut = 1 + random.nextInt(Math.max(1, sample.length() - 2));
    List<String> out = new ArrayList<>();
    out.add(sample.substring(0, cut));
    out.add(sample + List.of(" x", "}", "]", ",", " {}", " null").get(round % 6));
    out.add(
        List.of(
                "{",
                "}",
                "[",
                "null",
                "[]",
                "0",
                "true",
                "\"teksti\"",
                "{\"a\":}",
                "{'yksinkertaiset':'lainausmerkit'}",
                sample.replace("}", ",}"),
                "\uFEFF\uFEFF" + sample,
                "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                sample.replaceFirst(":", ":1e999999999,\"x\":"),
                sample.replace("\"", "'"),
                "{\"a\":\"" + "\\u00".repeat(3) + "\"}",
                "\u0000")
            .get(round % 18));
    return out;
  }

  /** The sample with one field's value replaced by something of the wrong shape or range. */
  private List<String> mutations(JsonNode tree, String injection) throws Exception {
    List<String> out = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    tree.fieldNames().forEachRemaining(fields::add);
    String field = fields.get(random.nextInt(fields.size()));
    JsonNode value = tree.get(field);
    if ("data".equals(field) && value.isObject() && value.size() > 0) {
      // a CloudEvent: its data, invalid for the event's type, must store nothing either
      List<String> dataFields = new ArrayList<>();
      value.fieldNames().forEachRemaining(dataFields::add);
      String dataField = dataFields.get(random.nextInt(dataFields.size()));
      for (JsonNode wrong : wrongValues(dataField, value.get(dataField), injection)) {
        ObjectNode copy = tree.deepCopy();
        ((ObjectNode) copy.get("data")).set(dataField, wrong);
        out.add(json.writeValueAsString(copy));
      }
      return out;
    }
    for (JsonNode wrong : wrongValues(field, value, injection)) {
      ObjectNode copy = tree.deepCopy();
      copy.set(field, wrong);
      out.add(json.writeValueAsString(copy));
    }
    out.add("{}"); // every field missing
    return out;
  }

  /** Values that no field of this shape accepts. */
  private List<JsonNode> wrongValues(String field, JsonNode value, String injection) {
    List<JsonNode> wrong = new ArrayList<>();
    ObjectNode object = json.createObjectNode();
    object.put("$gt", injection);
    ArrayNode array = json.createArrayNode();
    array.add(injection).add(json.createObjectNode());
    if (value.isArray()) {
      wrong.add(object);
      wrong.add(json.getNodeFactory().textNode(injection));
      ArrayNode bad = json.createArrayNode();
      bad.add(object);
      wrong.add(bad);
    } else {
      wrong.add(object);
      wrong.add(array);
    }
    String text = value.isTextual() ? value.asText() : "";
    // a CloudEvent's id, source and subject are free text: any string is a valid event
    boolean free = List.of("id", "source", "subject").contains(field);
    boolean constrained =
        !free
            && (text.matches("\\d{4}-\\d{2}-\\d{2}")
                || text.matches("[A-Z][A-Z_]+")
                || text.matches("[A-Z]+-[A-Z0-9-]+")
                || value.isBoolean()
                || value.isNumber());
    if (constrained) { // a date, an enum, a code or a number: an injected string is invalid
      wrong.add(
          json.getNodeFactory()
              .textNode(injection.isBlank() ? "ei-kelpaa " : injection + " ei-kelpaa"));
    }
    if (value.isNumber()) {
      wrong.add(json.getNodeFactory().numberNode(-1));
      wrong.add(json.getNodeFactory().numberNode(new java.math.BigDecimal("1e400")));
    }
    return wrong;
  }

  private static byte[] oversized(String sample) {
    StringBuilder huge =
        new StringBuilder(sample.substring(0, sample.length() - 1)).append(",\"taytetta\":\"");
    huge.append("x".repeat(2 * 1024 * 1024 + 10)).append("\"}");
    return huge.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String injectPath(String path, String injection) {
    String encoded = encode(injection).replace("+", "%20");
    int last = path.lastIndexOf('/');
    String lastSegment = path.substring(last + 1);
    if (lastSegment.matches("\\d+|[A-Z].*|no-such-event")) {
      return path.substring(0, last + 1) + encoded;
    }
    return path + "/" + encoded;
  }

  // ---------------------------------------------------------------- sending and counting

  private int send(Hostile hostile) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + hostile.path()));
      if (hostile.authorization() != null) {
        request.header("Authorization", hostile.authorization());
      }
      if (hostile.contentType() != null) {
        request.header("Content-Type", hostile.contentType());
      }
      HttpRequest.BodyPublisher body =
          hostile.body() == null
              ? HttpRequest.BodyPublishers.noBody()
              : hostile.chunked()
                  ? HttpRequest.BodyPublishers.ofInputStream(
                      () -> new ByteArrayInputStream(hostile.body()))
                  : HttpRequest.BodyPublishers.ofByteArray(hostile.body());
      return http.send(
              request.method(hostile.method(), body).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IllegalArgumentException e) {
      return 400; // a path the client itself refuses to send (e.g. raw control characters)
    } catch (java.io.IOException e) {
      // Tomcat answers an oversized body (413) or request line or header (400, above 8 KB) and
      // closes the connection; a client still sending may see only the reset
      boolean oversized =
          hostile.kind().equals("oversized")
              || hostile.path().length() > 8192
              || (hostile.authorization() != null && hostile.authorization().length() > 8192);
      return oversized ? 400 : 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private String sendForBody(String method, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String table :
        jdbc.queryForList(
            "select table_name from information_schema.tables "
                + "where table_schema = current_schema() and table_type = 'BASE TABLE'",
            String.class)) {
      String name = table.toLowerCase(java.util.Locale.ROOT);
      if (!SELF_CHANGING.contains(name)) {
        counts.put(name, jdbc.queryForObject("select count(*) from " + table, Long.class));
      }
    }
    return counts;
  }

  private void report(
      int sent,
      Map<String, LongAdder> byKindAndStatus,
      int failed,
      Map<String, Long> before,
      Map<String, Long> after)
      throws Exception {
    StringBuilder md = new StringBuilder("| kind | status | requests |\n|---|---:|---:|\n");
    new TreeMap<>(byKindAndStatus)
        .forEach(
            (key, count) -> {
              String[] parts = key.split(" ");
              md.append("| ")
                  .append(parts[0])
                  .append(" | ")
                  .append(parts[1])
                  .append(" | ")
                  .append(count.sum())
                  .append(" |\n");
            });
    long rowsBefore = before.values().stream().mapToLong(Long::longValue).sum();
    long rowsAfter = after.values().stream().mapToLong(Long::longValue).sum();
    md.insert(
        0,
        String.format(
            java.util.Locale.ROOT,
            "Hostile input: %d requests, %d answered "
                + "5xx or accepted a write; rows in %d tables: %d before, %d after.%n%n",
            sent,
            failed,
            before.size(),
            rowsBefore,
            rowsAfter));
    Path out = Path.of("target", "drills", "hostile-input.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md);
    System.out.println(md);
  }

  private static String basic(String user, String password) {
    return "Basic " + base64(user + ":" + password);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
