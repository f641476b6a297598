package fi.muutos.drills;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.PackagedApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash drill: while clients start zoning plans and post CloudEvents, the application (the real
 * jar, on embedded PostgreSQL) is killed with SIGKILL and started again. Afterwards every request
 * that got a 2xx has its effect (plan record and process instance; stored event), nothing is
 * half-done (every plan record has its instance and the other way round; every instance's
 * asynchronous first step runs after the restart), and every event that was waiting for its plan
 * correlates once the plan starts. Writes its counts to {@code target/drills/crash.md}.
 */
class CrashDrillIT {

  static final String REMINDER = "fi.muutos.zoning.reminder.filed";

  /**
   * The kill comes when this many plans and events each were accepted (however long it takes)...
   */
  static final int ACCEPTED_BEFORE_KILL = 15;

  /** ...or, on a machine too slow for that, after this long (the assertions then fail). */
  static final Duration MAX_LOAD_BEFORE_KILL = Duration.ofMinutes(3);

  @TempDir Path workDir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  record Sent(String kind, String key, int status, String eventId) {}

  @Test
  void aKilledApplicationLosesNothingItAccepted() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      List<String> args =
          List.of(
              "--spring.profiles.active=postgres",
              "--spring.datasource.url=" + url.replaceFirst("\\?.*$", ""),
              "--spring.datasource.username=postgres",
              "--logging.level.root=WARN",
              "--muutos.events.retry.poll-interval=PT1S",
              "--muutos.events.retry.first-delay=PT1S",
              "--muutos.events.retry.max-delay=PT2S",
              "--muutos.events.retry.claim=PT3S",
              // what the dead process had claimed or locked is taken over after these (shipped:
              // 2 min and 60 s); shortened so that the drill does not wait for them
              "--camunda.bpm.job-execution.lock-time-in-millis=5000",
              // an idle job executor looks for due jobs at least this often (Camunda: 60 s)
              "--camunda.bpm.job-execution.max-wait=2000");
      ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger sequence = new AtomicInteger();
      java.util.concurrent.ConcurrentLinkedDeque<String> started =
          new java.util.concurrent.ConcurrentLinkedDeque<>();

      PackagedApp first = PackagedApp.start(workDir.resolve("before"), args);
      ExecutorService clients = Executors.newFixedThreadPool(6);
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        boolean planner = t < 3;
        running.add(
            clients.submit(
                () -> {
                  while (!stop.get()) {
                    int n = sequence.incrementAndGet();
                    Sent result;
                    if (planner) {
                      result = startPlan(first.baseUrl(), "KAAVA-CRASH-" + run + "-" + n);
                      if (result.status() == 201) {
                        started.add(result.key());
                      }
                    } else {
                      String recent = started.peekLast();
                      result =
                          reminder(
                              first.baseUrl(),
                              n % 2 == 0 && recent != null
                                  ? recent // a plan that is running: taken at once
                                  : "KAAVA-LATER-"
                                      + run
                                      + "-"
                                      + n); // a plan that starts only after the crash
                    }
                    sent.add(result);
                    if (result.status() == 0) {
                      break; // no answer: this client's request was in flight when the process died
                    }
                  }
                  return null;
                }));
      }
      // kill on a condition, not after a fixed time: as strict on a slow machine as on a fast one
      long deadline = System.nanoTime() + MAX_LOAD_BEFORE_KILL.toNanos();
      while (System.nanoTime() < deadline
          && (accepted(sent, "plan", 201) < ACCEPTED_BEFORE_KILL
              || accepted(sent, "event", 202) < ACCEPTED_BEFORE_KILL)) {
        Thread.sleep(50);
      }
      first.kill();
      Thread.sleep(300);
      stop.set(true);
      for (Future<?> client : running) {
        client.get();
      }
      clients.shutdown();

      try (PackagedApp second = PackagedApp.start(workDir.resolve("after"), args);
          Connection db = DriverManager.getConnection(url)) {
        List<Sent> all = new ArrayList<>(sent);
        List<Sent> acceptedPlans =
            all.stream().filter(s -> s.kind().equals("plan") && s.status() == 201).toList();
        List<Sent> acceptedEvents =
            all.stream().filter(s -> s.kind().equals("event") && s.status() == 202).toList();
        assertThat(acceptedPlans)
            .as("plans accepted before the kill")
            .hasSizeGreaterThanOrEqualTo(ACCEPTED_BEFORE_KILL);
        assertThat(acceptedEvents)
            .as("events accepted before the kill")
            .hasSizeGreaterThanOrEqualTo(ACCEPTED_BEFORE_KILL);

        // every accepted start has its record and its instance; every accepted event is stored
        Set<String> plans = strings(db, "select business_key from mu_zoning_plan");
        Set<String> instances =
            strings(
                db,
                "select business_key_ from act_hi_procinst "
                    + "where proc_def_key_ = 'zoningPlan'");
        Set<String> events = strings(db, "select event_id from mu_inbound_event");
        List<String> lost = new ArrayList<>();
        acceptedPlans.stream()
            .filter(s -> !plans.contains(s.key()) || !instances.contains(s.key()))
            .forEach(s -> lost.add("plan " + s.key()));
        acceptedEvents.stream()
            .filter(s -> !events.contains(s.eventId()))
            .forEach(s -> lost.add("event " + s.eventId()));
        assertThat(lost).as("accepted, then lost").isEmpty();

        // nothing half-done: a record without an instance or an instance without a record
        assertThat(plans).as("plan records without an instance").isSubsetOf(instances);
        assertThat(instances).as("instances without a plan record").isSubsetOf(plans);
        // every instance's asynchronous first step runs after the restart: each reaches its
        // first task, none is left with a job or an incident
        awaitEmpty(
            db,
            "select count(*) from act_ru_job j join act_ru_execution e "
                + "on e.id_ = j.process_instance_id_ where e.business_key_ like 'KAAVA-CRASH-%'");
        assertThat(count(db, "select count(*) from act_ru_incident")).isZero();
        assertThat(
                count(
                    db,
                    "select count(*) from act_ru_task t join act_ru_execution e on "
                        + "e.id_ = t.proc_inst_id_ where e.business_key_ like 'KAAVA-CRASH-%' and "
                        + "t.task_def_key_ = 'userTask_announceInitiation'"))
            .isEqualTo(plans.size());

        // every event that waited for its plan correlates once the plan starts
        Set<String> waitingFor =
            strings(
                db,
                "select distinct subject from mu_inbound_event "
                    + "where subject like 'KAAVA-LATER-%'");
        for (String key : waitingFor) {
          assertThat(startPlan(second.baseUrl(), key).status()).isEqualTo(201);
        }
        awaitEmpty(db, "select count(*) from mu_inbound_event where status <> 'CORRELATED'");
        long correlated =
            count(db, "select count(*) from mu_inbound_event " + "where status = 'CORRELATED'");

        long unanswered = all.stream().filter(s -> s.status() == 0).count();
        String report =
            String.format(
                java.util.Locale.ROOT,
                "Crash (SIGKILL under load, then a "
                    + "restart): %d requests sent, %d accepted (%d plan starts, %d events), %d without an "
                    + "answer (in flight at the kill), %d lost; %d plan records, %d instances, none "
                    + "half-done; %d events stored, %d of them waiting for a plan started after the "
                    + "restart; all %d correlated.%n",
                all.size(),
                acceptedPlans.size() + acceptedEvents.size(),
                acceptedPlans.size(),
                acceptedEvents.size(),
                unanswered,
                lost.size(),
                plans.size(),
                instances.size(),
                events.size(),
                count(
                    db, "select count(*) from mu_inbound_event where subject like 'KAAVA-LATER-%'"),
                correlated);
        DrillReport.write("crash.md", report);
      }
    }
  }

  private static long accepted(ConcurrentLinkedQueue<Sent> sent, String kind, int status) {
    return sent.stream().filter(s -> s.kind().equals(kind) && s.status() == status).count();
  }

  private Sent startPlan(String baseUrl, String key) {
    String body =
        "{\"name\":\"Kaatumisharjoitus "
            + key
            + "\",\"type\":"
            + "\"MINOR_DETAILED_PLAN_CHANGE\",\"significant\":false,\"areaDescription\":\"Keskusta\","
            + "\"businessKey\":\""
            + key
            + "\"}";
    return new Sent(
        "plan",
        key,
        post(baseUrl, "/api/zoning/plans", "kaavoittaja", "application/json", body),
        null);
  }

  private Sent reminder(String baseUrl, String subject) {
    String id = UUID.randomUUID().toString();
    String event =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"source\":\"/asianhallinta/crash-drill\","
            + "\"type\":\""
            + REMINDER
            + "\",\"subject\":\""
            + subject
            + "\",\"datacontenttype\":"
            + "\"application/json\",\"data\":{\"date\":\""
            + LocalDate.now()
            + "\","
            + "\"reference\":\"muistutus\"}}";
    return new Sent(
        "event",
        subject,
        post(baseUrl, "/api/events", "asianhallinta", "application/cloudevents+json", event),
        id);
  }

  /** The answer's status, or 0 when there was none. */
  private int post(String baseUrl, String path, String user, String contentType, String body) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + path))
                  .timeout(Duration.ofSeconds(20))
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                  .header("Content-Type", contentType)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode();
    } catch (Exception noAnswer) {
      return 0;
    }
  }

  private static Set<String> strings(Connection db, String sql) throws SQLException {
    Set<String> values = new TreeSet<>();
    try (var rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  static long count(Connection db, String sql) throws SQLException {
    try (var rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void awaitEmpty(Connection db, String countSql) throws Exception {
    long left = -1;
    for (int i = 0; i < 240; i++) {
      left = count(db, countSql);
      if (left == 0) {
        return;
      }
      Thread.sleep(250);
    }
    StringBuilder jobs = new StringBuilder();
    try (var rs =
        db.createStatement()
            .executeQuery(
                "select id_, type_, retries_, lock_owner_, "
                    + "lock_exp_time_, duedate_, suspension_state_, exception_msg_, handler_type_ "
                    + "from act_ru_job")) {
      while (rs.next()) {
        for (int c = 1; c <= 9; c++) {
          jobs.append(rs.getString(c)).append(c == 9 ? "\n" : " | ");
        }
      }
    }
    throw new AssertionError(
        "still "
            + left
            + " after a minute: "
            + countSql
            + "\njobs now:\n"
            + jobs
            + "now: "
            + java.time.Instant.now());
  }
}
