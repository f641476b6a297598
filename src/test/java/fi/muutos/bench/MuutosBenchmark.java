package fi.muutos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fi.muutos.bench.Load.Result;
import fi.muutos.bench.SqlCost.Cost;
import fi.muutos.testing.PackagedApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures Muutos over HTTP, as its clients use it, on PostgreSQL, and writes docs/benchmarks.md:
 * process starts, full minor-zoning lifecycles and CloudEvents intake, each beside the same
 * workload on Camunda's and Hikari's defaults and beside the database's own commit limit, all in
 * the same run; reads at scale (Tasklist's group query at 100k open tasks, the strategy at 10k
 * measures); and the SQL statements and commits one lifecycle costs. Not part of {@code mvn
 * verify}: run with {@code mvn -Pbench verify}. Figures are reported, never asserted; only the
 * requests' success is.
 */
class MuutosBenchmark {

  private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
  private static final int REQUESTS = Integer.getInteger("bench.requests", 2000);
  private static final int WARM_UP = Integer.getInteger("bench.warmup", 300);
  private static final int LIFECYCLES = Integer.getInteger("bench.lifecycles", 200);
  private static final int OPEN_TASKS = Integer.getInteger("bench.openTasks", 100_000);
  private static final int FINISHED = Integer.getInteger("bench.finishedInstances", 1_000_000);
  private static final int MEASURES = Integer.getInteger("bench.measures", 10_000);
  private static final int CHANGES_EACH = Integer.getInteger("bench.changesPerMeasure", 100);
  private static final int READS = Integer.getInteger("bench.reads", 200);
  private static final int COST_LIFECYCLES = Integer.getInteger("bench.costLifecycles", 20);

  /** Each throughput workload and each read is measured this many times; the median is shown. */
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

  /** Events per request in the batch intake workload. */
  static final int BATCH = 50;

  /**
   * {@code all} (the default, writes docs/benchmarks.md) or one part while tuning: {@code
   * throughput}, {@code reads}, {@code cost} (written to target/benchmarks-part.md only).
   */
  private static final String ONLY = System.getProperty("bench.only", "all");

  private static final String ADMIN_URL =
      System.getProperty(
          "bench.postgres", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

  private static final String MUUTOS = "Muutos";
  private static final String DEFAULTS = "defaults";

  /**
   * What "defaults" puts back: for each setting Muutos changes (application.yml,
   * application-postgres.yml), Camunda's or Hikari's own default.
   */
  static final Map<String, List<String>> SETTINGS = new LinkedHashMap<>();

  static {
    // -Dbench.muutos="--a=b --c=d": settings tried on Muutos' side while tuning (not for the
    // report)
    String trying = System.getProperty("bench.muutos", "").strip();
    SETTINGS.put(MUUTOS, trying.isEmpty() ? List.of() : List.of(trying.split("\\s+")));
    SETTINGS.put(
        DEFAULTS,
        List.of(
            "--spring.datasource.hikari.maximum-pool-size=10",
            "--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=false",
            "--spring.datasource.hikari.connection-timeout=30000",
            "--camunda.bpm.job-execution.lock-time-in-millis=300000",
            // the engine reads accounts, groups and authorizations on every request and command
            "--muutos.identity.cache-ttl=PT0S",
            // full history writes every job's creation and success
            "--muutos.history.successful-jobs=true"));
  }

  @TempDir Path workDir;

  @Test
  void measure() throws Exception {
    try (EmbeddedPostgres counting =
        EmbeddedPostgres.builder()
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .setServerConfig("pg_stat_statements.track_utility", "on")
            .start()) {
      String countingUrl = counting.getJdbcUrl("postgres", "postgres");
      String adminUrl = ADMIN_URL;
      boolean embedded = false;
      try (Connection ignored = DriverManager.getConnection(adminUrl)) {
        // the machine's PostgreSQL answers
      } catch (SQLException unreachable) {
        adminUrl = countingUrl;
        embedded = true;
      }
      Report report =
          new Report(CLIENTS, REQUESTS, WARM_UP, LIFECYCLES, ROUNDS, SETTINGS.get(DEFAULTS));
      report.postgres = version(adminUrl) + (embedded ? " (embedded)" : "");
      if (part("throughput")) {
        List<Result> limits = new ArrayList<>();
        // rounds alternate the settings, so that a slow spell of the machine hits both
        for (int round = 0; round < ROUNDS; round++) {
          limits.add(databaseCommitLimit(adminUrl));
          for (var setting : SETTINGS.entrySet()) {
            throughput(adminUrl, setting.getKey(), setting.getValue(), report);
          }
        }
        report.dbLimit = new Load.Rounds(limits);
      }
      if (part("reads")) {
        reads(adminUrl, report);
      }
      if (part("cost")) {
        SqlCost cost = new SqlCost(countingUrl);
        for (var setting : SETTINGS.entrySet()) {
          report.costs.put(
              setting.getKey(), cost(countingUrl, cost, setting.getKey(), setting.getValue()));
        }
        report.costPostgres = version(countingUrl) + " (embedded, with pg_stat_statements)";
      }
      Path document = "all".equals(ONLY) ? Report.DOCUMENT : Path.of("target/benchmarks-part.md");
      String markdown =
          report.markdown(Files.exists(Report.DOCUMENT) ? Files.readString(Report.DOCUMENT) : "");
      System.out.println(markdown);
      Files.createDirectories(document.getParent());
      Files.writeString(document, markdown);
    }
  }

  private static boolean part(String name) {
    return "all".equals(ONLY) || name.equals(ONLY);
  }

  private void throughput(String adminUrl, String name, List<String> settings, Report report)
      throws Exception {
    String database = "muutos_bench_" + name.toLowerCase(Locale.ROOT);
    String url = recreate(adminUrl, database);
    try (PackagedApp app = start(url, database, settings)) {
      try {
        throughputOf(app, url, name, report);
      } catch (Exception | AssertionError e) {
        // keep the application's log: the temporary folder goes with the test
        Path kept = Path.of("target/bench-app-" + name.toLowerCase(Locale.ROOT) + ".log");
        Files.writeString(kept, app.log());
        throw new AssertionError(e.getMessage() + " (the application's log: " + kept + ")", e);
      }
    }
  }

  /** Waits (at most 15 minutes) until the job executor has run every job that is due. */
  private static void awaitNoDueJobs(BenchClient client) {
    Awaitility.await("the job executor catches up")
        .atMost(Duration.ofMinutes(15))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                client.get("/engine-rest/job/count?executable=true", "admin").path("count").asLong()
                    == 0);
  }

  private void throughputOf(PackagedApp app, String url, String name, Report report)
      throws Exception {
    {
      BenchClient client = new BenchClient(app.baseUrl());
      report.camunda = client.get("/engine-rest/version", "admin").path("version").asText();
      Map<String, Result> results = new LinkedHashMap<>();
      results.put(
          "start zoning plan (POST /api/zoning/plans)",
          load(
              client,
              "kaavoittaja",
              "/api/zoning/plans",
              BenchClient.JSON,
              201,
              MuutosBenchmark::zoningPlan));
      results.put(
          "start service transfer (POST /api/transfers)",
          load(
              client,
              "hallintojohtaja",
              "/api/transfers",
              BenchClient.JSON,
              201,
              MuutosBenchmark::transfer));
      results.put(
          "start organisation reform (POST /api/reforms)",
          load(
              client,
              "hallintojohtaja",
              "/api/reforms",
              BenchClient.JSON,
              201,
              MuutosBenchmark::reform));
      String run = UUID.randomUUID().toString();
      results.put(
          "CloudEvent intake, 10 % duplicates (POST /api/events)",
          load(
              client,
              "kokousjarjestelma",
              "/api/events",
              BenchClient.CLOUDEVENT,
              202,
              i -> event(run, i)));
      String batchRun = UUID.randomUUID().toString();
      results.put(
          "CloudEvent intake in batches of "
              + BATCH
              + ", 10 % duplicates (events/s; latency per batch)",
          load(
                  client,
                  "kokousjarjestelma",
                  "/api/events",
                  BenchClient.CLOUDEVENT_BATCH,
                  202,
                  i -> batch(batchRun, i),
                  REQUESTS / 10,
                  WARM_UP / 10)
              .perEvent(BATCH));
      // the starts above left asynchronous steps for the job executor: lifecycles too are measured
      // from a quiet engine, not behind that backlog
      awaitNoDueJobs(client);
      MinorZoningLifecycle lifecycle = new MinorZoningLifecycle(client);
      Load.run(CLIENTS, Math.max(1, LIFECYCLES / 10), lifecycle::run);
      results.put(
          "minor zoning change, start to legal force (lifecycles)",
          Load.run(CLIENTS, LIFECYCLES, lifecycle::run));
      results.forEach((workload, result) -> report.add(name, workload, result));
    }
  }

  /** The reads at scale, on the application as shipped. */
  private void reads(String adminUrl, Report report) throws Exception {
    String database = "muutos_bench_reads";
    String url = recreate(adminUrl, database);
    try (PackagedApp app = start(url, database, SETTINGS.get(MUUTOS))) {
      BenchClient client = new BenchClient(app.baseUrl());
      // a finished plan, the template of the finished instances
      new MinorZoningLifecycle(client).run(1);
      readsAtScale(client, url, report);
    }
  }

  /** Loads the scale data, then times the reads one client at a time, in rounds. */
  private void readsAtScale(BenchClient client, String url, Report report) throws Exception {
    ScaleData data = new ScaleData(url);
    JsonNode plan =
        client.call(
            "POST", "/api/zoning/plans", "kaavoittaja", BenchClient.JSON, zoningPlan(-1), 201);
    String waiting = plan.path("processInstanceId").asText();
    JsonNode task = poll(client, "/engine-rest/task?processInstanceId=" + waiting, "kaavoittaja");
    String finished =
        client
            .get(
                "/engine-rest/history/process-instance?processDefinitionKey="
                    + "zoningPlan&finished=true&maxResults=1",
                "admin")
            .get(0)
            .path("id")
            .asText();
    long begin = System.nanoTime();
    data.openTasks(waiting, OPEN_TASKS);
    data.finishedInstances(finished, FINISHED);
    data.measures("M-KAAVOITUSPROSESSIT", MEASURES, CHANGES_EACH);
    report.loadSeconds = (System.nanoTime() - begin) / 1e9;
    report.loaded =
        String.format(
            Locale.ROOT,
            "%,d open tasks (%,d rows in ACT_RU_TASK), %,d "
                + "finished instances (%,d rows in ACT_HI_PROCINST), %,d measures with %,d status log "
                + "rows",
            OPEN_TASKS,
            data.count("act_ru_task"),
            FINISHED,
            data.count("act_hi_procinst"),
            data.count("mu_measure"),
            data.count("mu_measure_status_log"));
    String filter = groupFilter(client, "kaavoittaja", "kaavoitus");
    String body =
        "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
    Map<String, HttpCall> reads = new LinkedHashMap<>();
    reads.put(
        "Tasklist: group filter \""
            + task.get(0).path("name").asText()
            + "\" list, first 15 (POST /engine-rest/filter/{id}/list, HAL)",
        () ->
            client.send(
                "POST",
                "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
                "kaavoittaja",
                BenchClient.JSON,
                body,
                "application/hal+json"));
    reads.put(
        "Tasklist: group filter count (POST /engine-rest/filter/{id}/count)",
        () ->
            client.send(
                "POST",
                "/engine-rest/filter/" + filter + "/count",
                "kaavoittaja",
                BenchClient.JSON,
                body));
    reads.put(
        "strategy with all measures (GET /api/strategy)",
        () -> client.send("GET", "/api/strategy", "hallintojohtaja", null, null));
    reads.put(
        "one measure with its log (GET /api/strategy/measures/{code})",
        () ->
            client.send(
                "GET",
                "/api/strategy/measures/BENCH-M-" + (MEASURES / 2),
                "hallintojohtaja",
                null,
                null));
    // the dashboard: the outline, then the first page of the biggest objective's measures, and the
    // outline again from a browser that has it (its ETag)
    String etag =
        client.anonymous("/public/strategy/outline").headers().firstValue("ETag").orElseThrow();
    String objective =
        client
            .get("/api/strategy/measures/BENCH-M-" + (MEASURES / 2), "hallintojohtaja")
            .path("objective")
            .asText();
    reads.put(
        "dashboard: the strategy's outline (GET /public/strategy/outline)",
        () -> client.anonymous("/public/strategy/outline"));
    reads.put(
        "dashboard: 100 measures of an objective with "
            + MEASURES
            + " (GET /public/strategy/measures)",
        () -> client.anonymous("/public/strategy/measures?limit=100&objective=" + objective));
    Map<String, Integer> expected = new LinkedHashMap<>();
    String revalidated = "dashboard: the outline again, unchanged (If-None-Match: 304)";
    reads.put(
        revalidated, () -> client.anonymous("/public/strategy/outline", "If-None-Match", etag));
    expected.put(revalidated, 304);
    for (int round = 0; round < ROUNDS; round++) {
      for (var read : reads.entrySet()) {
        report.addRead(
            read.getKey(), read(read.getValue(), expected.getOrDefault(read.getKey(), 200)));
      }
    }
  }

  private Result read(HttpCall call, int expected) throws Exception {
    Load.Call checked =
        i -> {
          var response = call.send();
          if (response.statusCode() != expected) {
            throw new BenchClient.BenchFailure(response.statusCode() + " " + response.body());
          }
        };
    Load.run(1, Math.max(1, READS / 10), checked);
    return Load.run(1, READS, checked);
  }

  /** SQL per lifecycle, on a database of its own that counts its statements. */
  private Cost cost(String adminUrl, SqlCost cost, String name, List<String> settings)
      throws Exception {
    String database = "muutos_cost_" + name.toLowerCase(Locale.ROOT);
    String url = recreate(adminUrl, database);
    cost.install(url);
    try (PackagedApp app = start(url, database, settings)) {
      MinorZoningLifecycle lifecycle = new MinorZoningLifecycle(new BenchClient(app.baseUrl()));
      Load.run(1, 3, lifecycle::run);
      long commitsBefore = cost.reset(database);
      Load.run(1, COST_LIFECYCLES, lifecycle::run);
      return cost.read(database, COST_LIFECYCLES, commitsBefore);
    }
  }

  private PackagedApp start(String url, String database, List<String> settings) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--logging.level.root=WARN"));
    args.addAll(settings);
    return PackagedApp.start(Files.createDirectories(workDir.resolve(database)), args);
  }

  /** Commits/s of a one-row insert transaction, one connection per client thread. */
  private static Result databaseCommitLimit(String adminUrl) throws Exception {
    String url = recreate(adminUrl, "muutos_bench_dblimit");
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      c.createStatement().execute("create table commit_probe (id bigserial primary key, v text)");
    }
    List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
    ThreadLocal<Connection> connection =
        ThreadLocal.withInitial(
            () -> {
              try {
                Connection c = DriverManager.getConnection(url, "postgres", "");
                opened.add(c);
                return c;
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      return Load.run(
          CLIENTS,
          REQUESTS * 2,
          i -> {
            try (var insert =
                connection.get().prepareStatement("insert into commit_probe (v) values (?)")) {
              insert.setString(1, "probe " + i);
              insert.executeUpdate();
            }
          });
    } finally {
      for (Connection c : opened) {
        c.close();
      }
    }
  }

  private static Result load(
      BenchClient client,
      String user,
      String path,
      String contentType,
      int expected,
      java.util.function.IntFunction<String> body)
      throws Exception {
    return load(client, user, path, contentType, expected, body, REQUESTS, WARM_UP);
  }

  private static Result load(
      BenchClient client,
      String user,
      String path,
      String contentType,
      int expected,
      java.util.function.IntFunction<String> body,
      int requests,
      int warmUp)
      throws Exception {
    // each workload starts on a quiet engine: the asynchronous steps of the one before have run
    awaitNoDueJobs(client);
    Load.Call call = i -> client.call("POST", path, user, contentType, body.apply(i), expected);
    Load.run(CLIENTS, warmUp, i -> call.run(requests + i));
    awaitNoDueJobs(client);
    long begin = System.nanoTime();
    Result result = Load.run(CLIENTS, requests, call);
    // a start's first step after the record is asynchronous (the measure update): count the time
    // until those have run too, so that process kinds compare by the whole work a start causes
    awaitNoDueJobs(client);
    return result.settled(System.nanoTime() - begin);
  }

  private static String groupFilter(BenchClient client, String user, String group)
      throws Exception {
    for (JsonNode filter : client.get("/engine-rest/filter?resourceType=Task", user)) {
      if (filter.path("query").path("candidateGroup").asText().equals(group)) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError("no Tasklist filter for the group " + group);
  }

  private static JsonNode poll(BenchClient client, String path, String user) throws Exception {
    for (int attempt = 0; attempt < 600; attempt++) {
      JsonNode found = client.get(path, user);
      if (found.size() > 0) {
        return found;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("nothing at " + path);
  }

  static String zoningPlan(int i) {
    return "{\"name\":\"Benchmark-kortteli "
        + i
        + "\",\"type\":\"MINOR_DETAILED_PLAN_CHANGE\","
        + "\"significant\":false,\"areaDescription\":\"Keskusta\"}";
  }

  private static String transfer(int i) {
    return "{\"serviceName\":\"Benchmark-palvelu "
        + i
        + "\",\"serviceKind\":\"BUSINESS_SERVICES\","
        + "\"recipient\":\"Esimerkki Oy\",\"newCompany\":false,\"staffMoving\":false,"
        + "\"transferDate\":\""
        + LocalDate.now().plusMonths(6)
        + "\"}";
  }

  private static String reform(int i) {
    return "{\"name\":\"Benchmark-uudistus "
        + i
        + "\",\"effectiveDate\":\""
        + LocalDate.now().plusYears(1).withDayOfYear(1)
        + "\",\"committees\":"
        + "[\"Elinvoimalautakunta\",\"Sivistyslautakunta\"],\"divisions\":[\"Elinvoima\"]}";
  }

  /** Every tenth event repeats the one before it (same source and id): a duplicate. */
  private static String event(String run, int i) {
    int id = i % 10 == 9 ? i - 1 : i;
    return "{\"specversion\":\"1.0\",\"id\":\""
        + run
        + "-"
        + id
        + "\",\"source\":\"/dynasty/benchmark\","
        + "\"type\":\"fi.muutos.decision.made\",\"subject\":\"KAAVA-BENCH-"
        + id
        + "\","
        + "\"datacontenttype\":\"application/json\",\"data\":{\"body\":\"kaupunginhallitus\","
        + "\"date\":\"2026-11-28\",\"outcome\":\"APPROVED\"}}";
  }

  private static String batch(String run, int i) {
    StringBuilder events = new StringBuilder("[");
    for (int e = 0; e < BATCH; e++) {
      events.append(e == 0 ? "" : ",").append(event(run, i * BATCH + e));
    }
    return events.append(']').toString();
  }

  private static String version(String adminUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl);
        var rs = c.createStatement().executeQuery("show server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String recreate(String adminUrl, String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl)) {
      c.createStatement().execute("drop database if exists " + database + " with (force)");
      c.createStatement().execute("create database " + database);
    }
    return adminUrl
        .replaceFirst("/postgres(\\?|$)", "/" + database + "$1")
        .replaceFirst("\\?.*$", "");
  }

  @FunctionalInterface
  private interface HttpCall {
    java.net.http.HttpResponse<String> send() throws Exception;
  }
}
