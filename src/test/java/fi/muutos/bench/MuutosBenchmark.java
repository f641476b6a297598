package fi.muutos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.PackagedApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures Muutos over HTTP, as real clients use it, on PostgreSQL: process starts and CloudEvents
 * intake, each beside the same workload on Camunda's default settings and beside the database's
 * own commit limit, measured in the same run. Writes docs/benchmarks.md. Not part of
 * {@code mvn verify}: run with {@code mvn -Pbench verify}. Asserts only that requests succeeded;
 * the figures are reported, never asserted.
 */
class MuutosBenchmark {

  private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
  private static final int REQUESTS = Integer.getInteger("bench.requests", 2000);
  private static final int WARM_UP = Integer.getInteger("bench.warmup", 300);
  private static final String ADMIN_URL = System.getProperty("bench.postgres",
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

  /** Our settings against Camunda's and Hikari's defaults for what we change. */
  private static final Map<String, List<String>> SETTINGS = new LinkedHashMap<>();

  static {
    SETTINGS.put("Muutos", List.of());
    SETTINGS.put("defaults", List.of("--spring.datasource.hikari.maximum-pool-size=10"));
  }

  private static final java.util.concurrent.atomic.AtomicReference<String> FIRST_FAILURE =
      new java.util.concurrent.atomic.AtomicReference<>();

  @TempDir
  Path workDir;

  private final HttpClient http = HttpClient.newBuilder().build();

  @Test
  void measure() throws Exception {
    EmbeddedPostgres embedded = null;
    String adminUrl = ADMIN_URL;
    try {
      try (Connection ignored = DriverManager.getConnection(adminUrl)) {
        // the machine's PostgreSQL answers
      } catch (SQLException unreachable) {
        embedded = EmbeddedPostgres.builder().start();
        adminUrl = embedded.getJdbcUrl("postgres", "postgres");
      }
      run(adminUrl, embedded != null);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private void run(String adminUrl, boolean embedded) throws Exception {
    List<Row> rows = new ArrayList<>();
    Result dbLimit = databaseCommitLimit(adminUrl);
    String pgVersion;
    try (Connection c = DriverManager.getConnection(adminUrl)) {
      var rs = c.createStatement().executeQuery("show server_version");
      rs.next();
      pgVersion = rs.getString(1);
    }
    String camundaVersion = "";
    Map<String, Map<String, Result>> bySetting = new LinkedHashMap<>();
    for (var setting : SETTINGS.entrySet()) {
      String database = "muutos_bench_" + setting.getKey().toLowerCase(Locale.ROOT);
      String url = recreate(adminUrl, database);
      Path dir = Files.createDirectories(workDir.resolve(database));
      List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres",
          "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
          "--logging.level.root=WARN"));
      args.addAll(setting.getValue());
      try (PackagedApp app = PackagedApp.start(dir, args)) {
        camundaVersion = get(app, "/engine-rest/version", "admin");
        Map<String, Result> results = new LinkedHashMap<>();
        results.put("start zoning plan (POST /api/zoning/plans)", load(app, "kaavoittaja",
            "/api/zoning/plans", "application/json", 201, MuutosBenchmark::zoningPlan));
        results.put("start service transfer (POST /api/transfers)", load(app, "hallintojohtaja",
            "/api/transfers", "application/json", 201, MuutosBenchmark::transfer));
        results.put("start organisation reform (POST /api/reforms)", load(app, "hallintojohtaja",
            "/api/reforms", "application/json", 201, MuutosBenchmark::reform));
        String run = UUID.randomUUID().toString();
        results.put("CloudEvent intake, 10 % duplicates (POST /api/events)",
            load(app, "kokousjarjestelma", "/api/events", "application/cloudevents+json", 202,
                i -> event(run, i)));
        bySetting.put(setting.getKey(), results);
      }
    }
    for (String workload : bySetting.get("Muutos").keySet()) {
      rows.add(new Row(workload, bySetting.get("Muutos").get(workload),
          bySetting.get("defaults").get(workload), dbLimit));
    }
    String report = report(rows, dbLimit, pgVersion + (embedded ? " (embedded)" : ""),
        camundaVersion);
    System.out.println(report);
    Path docs = Path.of("docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("benchmarks.md"), report);
  }

  /** Commits/s of a one-row insert transaction with as many connections as HTTP clients. */
  private Result databaseCommitLimit(String adminUrl) throws Exception {
    String url = recreate(adminUrl, "muutos_bench_dblimit");
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      c.createStatement().execute("create table commit_probe (id bigserial primary key, v text)");
    }
    List<Connection> connections = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Connection c = DriverManager.getConnection(url, "postgres", "");
      c.setAutoCommit(true);
      connections.add(c);
    }
    try {
      return measure(REQUESTS * 2, i -> {
        try (var insert = connections.get(i % CLIENTS)
            .prepareStatement("insert into commit_probe (v) values (?)")) {
          insert.setString(1, "probe " + i);
          insert.executeUpdate();
          return true;
        }
      }, true);
    } finally {
      for (Connection c : connections) {
        c.close();
      }
    }
  }

  private Result load(PackagedApp app, String user, String path, String contentType,
      int expected, IntFunction<String> body) throws Exception {
    String auth = basic(user);
    Call call = i -> {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create(app.baseUrl() + path)).header("Authorization", auth)
          .header("Content-Type", contentType)
          .POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        FIRST_FAILURE.compareAndSet(null, path + " " + response.statusCode() + " " + response.body());
        return false;
      }
      return true;
    };
    measure(WARM_UP, call, false);
    return measure(REQUESTS, call, true);
  }

  /** Runs {@code count} calls on {@link #CLIENTS} threads, each call numbered. */
  private static Result measure(int count, Call call, boolean strict) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long[] latencies = new long[count];
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long begin = System.nanoTime();
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < CLIENTS; t++) {
      clients.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          long start = System.nanoTime();
          if (!call.run(i)) {
            failed.incrementAndGet();
          }
          latencies[i] = System.nanoTime() - start;
        }
        return null;
      }));
    }
    for (Future<?> client : clients) {
      client.get();
    }
    long elapsed = System.nanoTime() - begin;
    pool.shutdown();
    if (strict) {
      assertThat(failed.get()).as("failed requests, the first: %s", FIRST_FAILURE.get()).isZero();
    }
    Arrays.sort(latencies);
    return new Result(count * 1e9 / elapsed, millis(latencies, 0.50), millis(latencies, 0.95),
        millis(latencies, 0.99));
  }

  private static double millis(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static String zoningPlan(int i) {
    return "{\"name\":\"Benchmark-kortteli " + i + "\",\"type\":\"MINOR_DETAILED_PLAN_CHANGE\","
        + "\"significant\":false,\"areaDescription\":\"Keskusta\"}";
  }

  private static String transfer(int i) {
    return "{\"serviceName\":\"Benchmark-palvelu " + i + "\",\"serviceKind\":\"BUSINESS_SERVICES\","
        + "\"recipient\":\"Esimerkki Oy\",\"newCompany\":false,\"staffMoving\":false,"
        + "\"inHouse\":true,\"transferDate\":\"" + LocalDate.now().plusMonths(6) + "\"}";
  }

  private static String reform(int i) {
    return "{\"name\":\"Benchmark-uudistus " + i + "\",\"effectiveDate\":\""
        + LocalDate.now().plusYears(1).withDayOfYear(1) + "\",\"committees\":"
        + "[\"Elinvoimalautakunta\",\"Sivistyslautakunta\"],\"divisions\":[\"Elinvoima\"]}";
  }

  /** Every tenth event repeats the one before it (same source and id): a duplicate. */
  private static String event(String run, int i) {
    int id = i % 10 == 9 ? i - 1 : i;
    return "{\"specversion\":\"1.0\",\"id\":\"" + run + "-" + id + "\",\"source\":\"/benchmark\","
        + "\"type\":\"fi.muutos.decision.made\",\"subject\":\"KAAVA-BENCH-" + id + "\","
        + "\"datacontenttype\":\"application/json\",\"data\":{\"body\":\"kaupunginhallitus\","
        + "\"date\":\"2026-11-28\",\"outcome\":\"APPROVED\"}}";
  }

  private String get(PackagedApp app, String path, String user) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
        .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
        .getBytes(StandardCharsets.UTF_8));
  }

  private static String recreate(String adminUrl, String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl)) {
      c.createStatement().execute("drop database if exists " + database + " with (force)");
      c.createStatement().execute("create database " + database);
    }
    return adminUrl.replaceFirst("/postgres(\\?|$)", "/" + database + "$1").replaceFirst("\\?.*$", "");
  }

  private static String report(List<Row> rows, Result dbLimit, String pgVersion,
      String camundaVersion) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n");
    md.append("Written by `mvn -Pbench verify` (`fi.muutos.bench.MuutosBenchmark`); do not edit by "
        + "hand. Every figure below comes from one run of that command.\n\n");
    md.append(String.format(Locale.ROOT, "- machine: %d cores, %.1f GiB memory, %s %s%n",
        Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / 1073741824.0,
        System.getProperty("os.name"), System.getProperty("os.version")));
    md.append("- Java ").append(System.getProperty("java.version")).append(", PostgreSQL ")
        .append(pgVersion).append(", Camunda ").append(camundaVersion.replaceAll("[^0-9.a-zA-Z-]", "")
            .replace("version", "")).append("\n");
    md.append(String.format(Locale.ROOT, "- %d HTTP clients (threads), %d measured requests per "
        + "workload after %d warm-up requests, HTTP Basic as the demo users%n", CLIENTS, REQUESTS,
        WARM_UP));
    md.append("- the application and PostgreSQL run on the same machine as the clients\n\n");
    md.append("\"Muutos\" is the application as shipped (postgres profile). \"defaults\" is the same "
        + "application with Camunda's and Hikari's defaults where Muutos differs (today only the "
        + "connection pool, 20 vs 10). \"DB limit\" is PostgreSQL's own commit rate on this machine: "
        + "one-row insert transactions over as many connections as there are clients. Absolute "
        + "numbers on a shared machine are context only; the ratios are the point.\n\n");
    md.append("| workload | Muutos /s | defaults /s | Muutos ÷ defaults | Muutos ÷ DB limit "
        + "| p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f | %.1f %% | %.1f | %.1f | %.1f |%n",
          row.workload(), row.ours().perSecond(), row.defaults().perSecond(),
          row.ours().perSecond() / row.defaults().perSecond(),
          100 * row.ours().perSecond() / row.dbLimit().perSecond(), row.ours().p50(),
          row.ours().p95(), row.ours().p99()));
    }
    md.append(String.format(Locale.ROOT, "| DB limit: one-row insert commits | %.0f | | | | %.1f | "
        + "%.1f | %.1f |%n", dbLimit.perSecond(), dbLimit.p50(), dbLimit.p95(), dbLimit.p99()));
    md.append("\nLatencies are those of the Muutos run. Strategy evaluations are not started here: "
        + "each start deploys a survey form generated for it, a rare and deliberately heavy step.\n");
    return md.toString();
  }

  @FunctionalInterface
  private interface Call {
    boolean run(int i) throws Exception;
  }

  private record Result(double perSecond, double p50, double p95, double p99) {}

  private record Row(String workload, Result ours, Result defaults, Result dbLimit) {}
}
