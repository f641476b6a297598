package fi.muutos.drills;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.PackagedApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database-outage drill (slow: {@code mvn -Pdrills verify}): PostgreSQL stops for 30 s while
 * clients start zoning plans, then comes back on the same data. The application is not restarted.
 * During the outage every request must fail with a 503 problem document (never a 500, never a
 * hang); afterwards requests succeed again, every plan accepted before, during or after the outage
 * has its record and instance, and the instances' asynchronous steps all run. Writes its counts to
 * {@code target/drills/database-outage.md}.
 */
class DatabaseOutageDrill {

  /**
   * The jobs the drill's requests made: not the engine's history clean-up, nor the yearly planning
   * review's timer (both wait for their time).
   */
  private static final String OWN_JOBS =
      "handler_type_ <> 'history-cleanup' and handler_type_ <> 'timer-start-event'";

  static final Duration OUTAGE = Duration.ofSeconds(30);

  @TempDir Path workDir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  enum Phase {
    BEFORE,
    OUTAGE,
    AFTER
  }

  record Sent(Phase phase, String key, int status, String contentType, long millis) {}

  /** Accepted starts the drill waits for before the outage, and again after it. */
  static final int ACCEPTED_PER_PHASE = 20;

  /** The longest a phase may take to get them; beyond it, the assertions fail. */
  static final Duration PHASE_LIMIT = Duration.ofMinutes(3);

  private static void awaitAccepted(ConcurrentLinkedQueue<Sent> sent, Phase phase, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
    while (System.nanoTime() < deadline
        && sent.stream().filter(s -> s.phase() == phase && s.status() == 201).count() < count) {
      Thread.sleep(50);
    }
  }

  @Test
  void theApplicationHealsWithoutARestartAndLosesNothing() throws Exception {
    Path data = workDir.resolve("pgdata");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    EmbeddedPostgres postgres = database(data, port);
    String url = "jdbc:postgresql://localhost:" + port + "/postgres";
    AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE);
    ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    try (PackagedApp app =
        PackagedApp.start(
            workDir.resolve("app"),
            List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--logging.level.root=WARN"))) {
      AtomicInteger sequence = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<?>> running = new ArrayList<>();
      AtomicReference<Boolean> stop = new AtomicReference<>(false);
      for (int t = 0; t < 4; t++) {
        running.add(
            clients.submit(
                () -> {
                  while (!stop.get()) {
                    Phase now = phase.get();
                    sent.add(
                        startPlan(
                            app.baseUrl(),
                            now,
                            "KAAVA-OUTAGE-" + run + "-" + sequence.incrementAndGet()));
                    Thread.sleep(20);
                  }
                  return null;
                }));
      }
      // phases end on conditions, not after fixed times, so the drill is as strict on a slow
      // machine as on a fast one (each with a generous upper bound); the outage itself is the
      // scenario and lasts OUTAGE
      awaitAccepted(sent, Phase.BEFORE, ACCEPTED_PER_PHASE);
      postgres.close(); // PostgreSQL stops (its data stays)
      phase.set(Phase.OUTAGE);
      Thread.sleep(OUTAGE.toMillis());
      postgres = database(data, port);
      phase.set(Phase.AFTER);
      awaitAccepted(sent, Phase.AFTER, ACCEPTED_PER_PHASE);
      stop.set(true);
      for (Future<?> client : running) {
        client.get();
      }
      clients.shutdown();

      List<Sent> all = new ArrayList<>(sent);
      List<Sent> accepted = all.stream().filter(s -> s.status() == 201).toList();
      List<Sent> duringOutage = all.stream().filter(s -> s.phase() == Phase.OUTAGE).toList();
      List<Sent> after = all.stream().filter(s -> s.phase() == Phase.AFTER).toList();
      Map<String, Integer> statuses = new TreeMap<>();
      all.forEach(s -> statuses.merge(s.phase() + " " + s.status(), 1, Integer::sum));

      assertThat(duringOutage).as("requests during the outage").isNotEmpty();
      assertThat(all)
          .as(
              "no answer other than 201 and 503 (%s); the application's errors:%n%s",
              statuses, errors(app))
          .allMatch(s -> s.status() == 201 || s.status() == 503);
      assertThat(all.stream().filter(s -> s.status() == 503))
          .allMatch(s -> s.contentType().startsWith("application/problem+json"));
      assertThat(after)
          .as("requests succeed again without a restart")
          .anyMatch(s -> s.status() == 201);
      assertThat(after.get(after.size() - 1).status()).isEqualTo(201);

      try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
        var plans = new java.util.HashSet<String>();
        try (var rs =
            db.createStatement()
                .executeQuery(
                    "select p.business_key from "
                        + "mu_zoning_plan p join act_hi_procinst i on i.business_key_ = p.business_key")) {
          while (rs.next()) {
            plans.add(rs.getString(1));
          }
        }
        List<String> lost =
            accepted.stream().map(Sent::key).filter(k -> !plans.contains(k)).toList();
        assertThat(lost).as("accepted, then lost").isEmpty();
        CrashDrillIT.awaitEmpty(
            db, "select count(*) from act_ru_job where retries_ > 0 and " + OWN_JOBS);
        long stuck = CrashDrillIT.count(db, "select count(*) from act_ru_job where " + OWN_JOBS);
        long maxOutageMillis = duringOutage.stream().mapToLong(Sent::millis).max().orElse(0);
        DrillReport.write(
            "database-outage.md",
            String.format(
                Locale.ROOT,
                "Database outage "
                    + "(PostgreSQL stopped for %d s under load, the application not restarted): %d "
                    + "requests, %d accepted, %d lost; during the outage %d requests, all 503 problem "
                    + "documents, the slowest answered in %d ms; after it %d requests, %d accepted; "
                    + "%d jobs left with retries to go, %d with none (incidents). By phase and status: "
                    + "%s%n",
                OUTAGE.toSeconds(),
                all.size(),
                accepted.size(),
                lost.size(),
                duringOutage.size(),
                maxOutageMillis,
                after.size(),
                after.stream().filter(s -> s.status() == 201).count(),
                0,
                stuck,
                statuses));
      }
    } finally {
      postgres.close();
    }
  }

  /** The application log's errors (but the engine's own, expected ones), for a failure message. */
  private static String errors(PackagedApp app) throws java.io.IOException {
    List<String> lines = app.log().lines().toList();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size() && out.length() < 6000; i++) {
      String line = lines.get(i);
      if (line.contains("Unexpected failure") || line.contains("threw exception")) {
        out.append(line).append('\n');
        for (int j = i + 1; j < Math.min(lines.size(), i + 60); j++) {
          if (!lines.get(j).startsWith("\tat ")) {
            out.append(lines.get(j)).append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  private static EmbeddedPostgres database(Path data, int port) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private Sent startPlan(String baseUrl, Phase phase, String key) {
    String body =
        "{\"name\":\"Katkosharjoitus "
            + key
            + "\",\"type\":"
            + "\"MINOR_DETAILED_PLAN_CHANGE\",\"significant\":false,\"areaDescription\":\"Keskusta\","
            + "\"businessKey\":\""
            + key
            + "\"}";
    long begin = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/api/zoning/plans"))
                  .timeout(Duration.ofSeconds(60))
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString("kaavoittaja:demo".getBytes(StandardCharsets.UTF_8)))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Sent(
          phase,
          key,
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          (System.nanoTime() - begin) / 1_000_000);
    } catch (Exception noAnswer) {
      return new Sent(phase, key, 0, "", (System.nanoTime() - begin) / 1_000_000);
    }
  }
}
