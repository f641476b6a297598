package fi.muutos.drills;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.cases.Cases;
import fi.muutos.cases.Filing;
import fi.muutos.events.EventInbox;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.MutableClock;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.ZoningSteps;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.StartPlan;
import fi.muutos.zoning.ZoningPlanProcedure;
import fi.muutos.zoning.ZoningPlanProcedure.Started;
import fi.muutos.zoning.ZoningPlanProcess.Elements;
import fi.muutos.zoning.ZoningPlanView;
import fi.muutos.zoning.ZoningPlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The race that lost a muistutus in the walks (F2): muistutukset and statements arrive in the same
 * moment as the display's end timer and the statements' deadline timers fire, 20 rounds, seven
 * filings each, all released at once from a gate. Every filing dated within the display counts,
 * none is lost, none counts twice; the timers do their work as well. Writes its counts to {@code
 * target/drills/filings.md}.
 */
@IntegrationTest
class FilingRaceDrillTest {

  static final int ROUNDS = 20;

  @Autowired ZoningPlanProcedure procedure;
  @Autowired ZoningPlans plans;
  @Autowired ManagementService managementService;
  @Autowired EventInbox inbox;
  @Autowired ProcessDriver driver;
  @Autowired MutableClock clock;
  @Autowired Cases cases;

  @Test
  void filingsRacingTheDisplaysEndAreCountedOnceEach() throws Exception {
    int collisions = 0;
    int onCase = 0;
    int retried = 0;
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        Started plan =
            procedure.start(
                new StartPlan(
                    "Kilpailukaava " + round + " " + UUID.randomUUID(),
                    PlanType.MINOR_DETAILED_PLAN_CHANGE,
                    false,
                    "Satama",
                    null));
        String instance = plan.processInstanceId();
        driver.jobs(instance, Elements.MARK_MEASURE_IN_PROGRESS);
        driver.complete(instance, Elements.ANNOUNCE_INITIATION, ZoningSteps.announce("2026-01-05"));
        // on display 4.3.–18.3.2026; both authorities' statements due on its last day
        driver.complete(
            instance,
            Elements.PREPARE_PROPOSAL,
            ZoningSteps.proposal(
                "2026-03-04", "Hämeen elinvoimakeskus, Päijät-Hämeen pelastuslaitos"));

        List<Job> timers = new ArrayList<>();
        timers.addAll(timers(instance, Elements.DISPLAY_ENDED));
        timers.addAll(timers(instance, Elements.STATEMENT_DEADLINE));
        assertThat(timers).as("the display's end and two statement deadlines").hasSize(3);

        CountDownLatch gate = new CountDownLatch(1);
        List<Callable<Integer>> work = new ArrayList<>();
        for (Job timer : timers) {
          work.add(() -> fire(gate, timer.getId()));
        }
        String key = plan.businessKey();
        for (String data :
            List.of(
                "{\"date\":\"2026-03-18\",\"reference\":\"M1\"}",
                "{\"date\":\"2026-03-18\",\"reference\":\"M2\"}",
                "{\"date\":\"2026-03-18\",\"reference\":\"M3\"}",
                "{\"date\":\"2026-03-04\",\"reference\":\"M4\"}",
                "{\"date\":\"2026-03-19\",\"reference\":\"M5\"}")) {
          work.add(() -> send(gate, "fi.muutos.zoning.reminder.filed", key, data));
        }
        work.add(
            () ->
                send(
                    gate,
                    "fi.muutos.zoning.statement.received",
                    key,
                    "{\"authority\":\"Hämeen elinvoimakeskus\",\"date\":\"2026-03-18\"}"));
        work.add(
            () ->
                send(
                    gate,
                    "fi.muutos.zoning.statement.received",
                    key,
                    "{\"authority\":\"Päijät-Hämeen pelastuslaitos\",\"date\":\"2026-03-17\"}"));
        List<Future<Integer>> running = new ArrayList<>();
        for (Callable<Integer> task : work) {
          running.add(pool.submit(task));
        }
        gate.countDown();
        for (Future<Integer> done : running) {
          collisions += done.get();
        }
        // whatever a collision left pending is retried until nothing waits (a condition, no time)
        for (int pass = 0; pass < 50 && pending(key) > 0; pass++) {
          clock.advance(Duration.ofHours(2));
          inbox.retryDue();
        }

        ZoningPlanView view = plans.find(plan.planId());
        assertThat(view.reminders())
            .as("round " + round + ": filed during the display")
            .isEqualTo(4);
        assertThat(view.lateSubmissions()).as("round " + round + ": after it").isEqualTo(1);
        assertThat(view.statements())
            .as("round " + round + ": each statement once, dated in time")
            .extracting(s -> s.authority() + " " + s.receivedOn() + " " + s.late())
            .containsExactlyInAnyOrder(
                "Hämeen elinvoimakeskus 2026-03-18 false",
                "Päijät-Hämeen pelastuslaitos 2026-03-17 false");
        List<Filing> filings = cases.filings(key);
        assertThat(filings).as("round " + round + ": every filing on the case").hasSize(7);
        assertThat(filings)
            .extracting(Filing::status)
            .as("none waits, none lost")
            .allMatch(s -> s.equals("TAKEN") || s.equals("OUTSIDE_STEP"));
        onCase += (int) filings.stream().filter(f -> f.status().equals("OUTSIDE_STEP")).count();
        for (Filing filing : filings) {
          if (inbox.find(filing.eventId()).attempts() > 1) {
            retried++;
          }
        }
        assertThat(driver.active(instance)).contains(Elements.REPLY_TO_REMINDERS);
      }
    } finally {
      pool.shutdownNow();
    }
    Path report = Path.of("target/drills/filings.md");
    try {
      Files.createDirectories(report.getParent());
      Files.writeString(
          report,
          "# Filings racing the display's end\n\n"
              + ROUNDS
              + " rounds, 7 filings and 3 timers each released at once: "
              + (ROUNDS * 7)
              + " filings, none lost, none counted twice; "
              + collisions
              + " timer collisions retried, "
              + retried
              + " filings correlated on a later attempt, "
              + onCase
              + " filings kept on their case outside their step.\n");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private long pending(String key) {
    return inbox.list("PENDING", null, 500).stream().filter(e -> key.equals(e.subject())).count()
        + inbox.list("RECEIVED", null, 500).stream().filter(e -> key.equals(e.subject())).count();
  }

  /** Sends one event when the gate opens. */
  private int send(CountDownLatch gate, String type, String key, String data) throws Exception {
    gate.await();
    driver.send(type, key, data);
    return 0;
  }

  /**
   * Fires a timer when the gate opens, as the job executor would: a collision with another
   * transaction, or any failure that rolls the job back, is tried again; a timer whose activity
   * ended meanwhile (a statement arrived) is gone. Returns the collisions.
   */
  private int fire(CountDownLatch gate, String jobId) throws Exception {
    gate.await();
    int collisions = 0;
    while (true) {
      try {
        managementService.executeJob(jobId);
        return collisions;
      } catch (OptimisticLockingException e) {
        collisions++;
      } catch (RuntimeException e) {
        // any other failure rolls the job's transaction back and the job executor tries it again
        // (its retries); the engine has also been seen to fail with a NullPointerException inside
        // its own cancel-activity operation when a deadline and a statement hit the same branch
        if (managementService.createJobQuery().jobId(jobId).count() == 0) {
          return collisions; // deleted with its activity
        }
        if (collisions++ > 20) {
          throw e;
        }
      }
    }
  }

  private List<Job> timers(String instance, String activityId) {
    return managementService
        .createJobQuery()
        .processInstanceId(instance)
        .activityId(activityId)
        .list();
  }
}
