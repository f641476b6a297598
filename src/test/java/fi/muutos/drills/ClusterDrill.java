package fi.muutos.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.PackagedApp;
import fi.muutos.testing.ZoningSteps;
import fi.muutos.zoning.ZoningPlanProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster drill (slow: {@code mvn -Pdrills verify}): two application nodes on one PostgreSQL,
 * Camunda's homogeneous cluster, both running the job executor. A few hundred zoning plans are
 * started and moved to their statement round with dates in the past, so each has an asynchronous
 * step and two timers due at once: the nodes share those jobs. Halfway, one node is killed
 * (SIGKILL) and the clients carry on against the other, as a load balancer would. Every job must
 * have run successfully exactly once (Camunda's job log), every measure update must be logged once
 * with one outbound event, and every plan must reach the planner's next task. Writes its counts to
 * {@code target/drills/cluster.md}.
 */
class ClusterDrill {

  static final int PLANS = Integer.getInteger("drill.plans", 300);

  /** Short, so that the jobs the killed node had locked are taken over within the drill. */
  static final String LOCK_TIME = "15000";

  @TempDir Path workDir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void twoNodesRunEachJobOnceAndOneFinishesWhenTheOtherDies() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      PackagedApp a = node(url, "node-a");
      try (PackagedApp b = node(url, "node-b");
          Connection db = DriverManager.getConnection(url)) {
        List<PackagedApp> nodes = new ArrayList<>(List.of(a, b));
        ExecutorService clients = Executors.newFixedThreadPool(6);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> plans = new ArrayList<>();
        for (int i = 0; i < PLANS; i++) {
          int n = i;
          plans.add(
              clients.submit(
                  () -> {
                    String key = "KAAVA-CLUSTER-" + run + "-" + n;
                    String instance = start(nodes, n, key);
                    complete(
                        nodes,
                        n,
                        instance,
                        ZoningPlanProcess.Elements.ANNOUNCE_INITIATION,
                        "{" + ZoningSteps.json(ZoningSteps.announce("2025-01-02")) + "}");
                    complete(
                        nodes,
                        n,
                        instance,
                        ZoningPlanProcess.Elements.PREPARE_PROPOSAL,
                        "{"
                            + ZoningSteps.json(
                                ZoningSteps.proposal("2025-01-30", "Hämeen elinvoimakeskus"))
                            + "}");
                    done.incrementAndGet();
                    return null;
                  }));
        }
        while (done.get() < PLANS / 2) {
          Thread.sleep(50);
        }
        a.kill(); // mid-run: node A dies with whatever it had locked or was executing
        long killedAt = System.currentTimeMillis();
        for (Future<?> plan : plans) {
          plan.get();
        }
        clients.shutdown();

        // node B finishes all of them: every plan reaches the planner's reply task
        CrashDrillIT.awaitEmpty(
            db,
            "select count(*) from act_ru_execution e where "
                + "e.business_key_ like 'KAAVA-CLUSTER-%' and e.parent_id_ is null and not exists (select 1 "
                + "from act_ru_task t where t.proc_inst_id_ = e.id_ and t.task_def_key_ = "
                + "'userTask_replyToReminders')");
        assertThat(
                CrashDrillIT.count(
                    db,
                    // the drill's plans' jobs (the history clean-up and the yearly planning
                    // review's timer wait for their time: not the drill's)
                    "select count(*) from act_ru_job where process_def_key_ = 'zoningPlan'"))
            .isZero();
        assertThat(CrashDrillIT.count(db, "select count(*) from act_ru_incident")).isZero();

        // each job ran successfully exactly once
        // (the engine's history clean-up job waits for its nightly window: not the drill's)
        String drillJobs = "act_hi_job_log where process_def_key_ = 'zoningPlan'";
        long jobs = CrashDrillIT.count(db, "select count(distinct job_id_) from " + drillJobs);
        long twice =
            CrashDrillIT.count(
                db,
                "select count(*) from (select job_id_ from "
                    + drillJobs
                    + " and job_state_ = 2 group by job_id_ having count(*) > 1) d");
        long never =
            CrashDrillIT.count(
                db,
                "select count(*) from (select job_id_ from "
                    + drillJobs
                    + " group by job_id_ having sum(case when job_state_ in (2, 3) then 1 "
                    + "else 0 end) = 0) d");
        long byA =
            CrashDrillIT.count(
                db,
                "select count(*) from act_hi_job_log where "
                    + "job_state_ = 2 and hostname_ = 'node-a'");
        long byB =
            CrashDrillIT.count(
                db,
                "select count(*) from act_hi_job_log where "
                    + "job_state_ = 2 and hostname_ = 'node-b'");
        long failed =
            CrashDrillIT.count(db, "select count(*) from act_hi_job_log where " + "job_state_ = 1");
        assertThat(twice).as("jobs that succeeded more than once").isZero();
        assertThat(never).as("jobs that never succeeded").isZero();
        assertThat(byA).as("jobs run by node A before it died").isPositive();
        assertThat(byB).as("jobs run by node B").isPositive();

        // each measure update once, with one outbound event
        long updates =
            CrashDrillIT.count(
                db,
                "select count(*) from mu_measure_status_log "
                    + "where business_key like 'KAAVA-CLUSTER-%'");
        long perPlan =
            CrashDrillIT.count(
                db,
                "select count(*) from (select business_key from "
                    + "mu_measure_status_log where business_key like 'KAAVA-CLUSTER-%' group by business_key "
                    + "having count(*) <> 1) d");
        long outbound =
            CrashDrillIT.count(
                db,
                "select count(*) from mu_outbox_event "
                    + "where type = 'fi.muutos.measure.status.changed' and cloud_event like '%CLUSTER-"
                    + run
                    + "%'");
        long started =
            CrashDrillIT.count(
                db,
                "select count(*) from mu_outbox_event "
                    + "where type = 'fi.muutos.process.started' and cloud_event like '%CLUSTER-"
                    + run
                    + "%'");
        assertThat(started).as("outbound process-started events").isEqualTo(PLANS);
        assertThat(updates).isEqualTo(PLANS);
        assertThat(perPlan).as("plans whose measure update is not logged exactly once").isZero();
        assertThat(outbound).as("outbound events of the plans' measure updates").isEqualTo(updates);
        long stageDuplicates =
            CrashDrillIT.count(
                db,
                "select count(*) from (select business_key, stage from mu_case_stage "
                    + "group by business_key, stage having count(*) > 1) d");
        assertThat(stageDuplicates).as("plan stages recorded twice").isZero();

        DrillReport.write(
            "cluster.md",
            String.format(
                Locale.ROOT,
                "Cluster (two nodes, one "
                    + "killed with SIGKILL when half of the %d plans were in their statement round): "
                    + "%d jobs (asynchronous steps and timers), %d run by node A before it died, %d by "
                    + "node B, %d failed attempts retried, %d run twice, %d never run; %d measure "
                    + "updates, each once, with %d outbound events; all %d plans at the planner's next "
                    + "task %.0f s after the kill.%n",
                PLANS,
                jobs,
                byA,
                byB,
                failed,
                twice,
                never,
                updates,
                outbound,
                PLANS,
                (System.currentTimeMillis() - killedAt) / 1000.0));
      } finally {
        a.close();
      }
    }
  }

  private PackagedApp node(String url, String name) throws Exception {
    return PackagedApp.start(
        workDir.resolve(name),
        List.of(
            "--spring.profiles.active=postgres",
            "--spring.datasource.url=" + url.replaceFirst("\\?.*$", ""),
            "--spring.datasource.username=postgres",
            "--logging.level.root=WARN",
            "--camunda.bpm.generic-properties.properties.hostname=" + name,
            "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME,
            // two timers of one plan due at once may run on both nodes and conflict; the loser is
            // retried, and an idle job executor looks for it within this (Camunda: 60 s)
            "--camunda.bpm.job-execution.max-wait=2000",
            // the drill proves each job ran once from the job log's success rows, which Muutos
            // does not keep by default (ADR 0050)
            "--muutos.history.successful-jobs=true"));
  }

  /** Starts the plan; a start the kill cut off may have been committed: then it is looked up. */
  private String start(List<PackagedApp> nodes, int n, String key) throws Exception {
    try {
      return call(
              nodes,
              n,
              "POST",
              "/api/zoning/plans",
              "kaavoittaja",
              "{\"name\":"
                  + "\"Klusteriharjoitus "
                  + n
                  + "\",\"type\":\"MINOR_DETAILED_PLAN_CHANGE\","
                  + "\"significant\":false,\"areaDescription\":\"Keskusta\","
                  // each plan's first asynchronous step moves this measure: the job under test
                  + "\"measures\":[\"M-KAAVOITUSPROSESSIT\"],\"businessKey\":\""
                  + key
                  + "\"}")
          .path("processInstanceId")
          .asText();
    } catch (AssertionError conflict) {
      if (!conflict.getMessage().contains(": 409 ")) {
        throw conflict;
      }
      return call(
              nodes,
              n,
              "GET",
              "/engine-rest/process-instance?businessKey=" + key,
              "kaavoittaja",
              null)
          .get(0)
          .path("id")
          .asText();
    }
  }

  /** Completes the task when it waits (it may have been completed by a call the kill cut off). */
  private void complete(
      List<PackagedApp> nodes, int n, String instance, String taskKey, String variables)
      throws Exception {
    for (int attempt = 0; attempt < 600; attempt++) {
      JsonNode tasks =
          call(
              nodes,
              n,
              "GET",
              "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + taskKey,
              "kaavoittaja",
              null);
      if (tasks.size() > 0) {
        call(
            nodes,
            n,
            "POST",
            "/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
            "kaavoittaja",
            "{\"variables\":" + variables + "}");
        return;
      }
      JsonNode history =
          call(
              nodes,
              n,
              "GET",
              "/engine-rest/history/task?processInstanceId="
                  + instance
                  + "&taskDefinitionKey="
                  + taskKey
                  + "&finished=true",
              "kaavoittaja",
              null);
      if (history.size() > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no task " + taskKey + " in " + instance);
  }

  /** A call to a live node, as a load balancer routes it: a dead node's share goes to the other. */
  private JsonNode call(
      List<PackagedApp> nodes, int n, String method, String path, String user, String body)
      throws Exception {
    for (int attempt = 0; attempt < 4; attempt++) {
      PackagedApp node = nodes.get((n + attempt) % nodes.size());
      if (!node.isAlive()) {
        continue;
      }
      try {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        request =
            body == null
                ? request.GET()
                : request
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
          throw new AssertionError(
              method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
      } catch (IOException nodeDown) {
        // the node died during the call: the next node takes it
      }
    }
    throw new AssertionError("no node answered " + method + " " + path);
  }
}
