package fi.muutos.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.events.EventInbox;
import fi.muutos.testing.FakeDynasty;
import fi.muutos.testing.FakeDynasty.Item;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.ZoningSteps;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.StartPlan;
import fi.muutos.zoning.ZoningPlanProcedure;
import fi.muutos.zoning.ZoningPlanProcedure.Started;
import fi.muutos.zoning.ZoningPlanProcess.Elements;
import fi.muutos.zoning.ZoningPlans;
import fi.muutos.zoning.ZoningStage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decisions that arrive by themselves from Dynasty's information service (a local stand-in serving
 * feeds and pages in Dynasty's structure): a plan waiting for its decision moves on with nobody
 * typing anything; a second poll changes nothing; what cannot be matched with certainty waits for
 * the registry; the service away, or garbled, loses nothing; two nodes do not poll twice.
 */
@IntegrationTest
class MeetingDecisionsTest {

  @Autowired MeetingDecisions decisions;
  @Autowired ZoningPlanProcedure procedure;
  @Autowired ZoningPlans plans;
  @Autowired ProcessDriver driver;
  @Autowired EventInbox inbox;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  @Value("${local.server.port}")
  int port;

  final FakeDynasty dynasty = FakeDynasty.server();

  @BeforeEach
  @AfterEach
  void clean() {
    dynasty.clear();
  }

  /** A minor change of a plan, displayed and answered: waits for the delegated body's decision. */
  private Started planAwaitingDecision(String name, String recordNumber) {
    Started plan =
        procedure.start(
            new StartPlan(
                name,
                PlanType.MINOR_DETAILED_PLAN_CHANGE,
                false,
                "Satama",
                null,
                null,
                recordNumber));
    String instance = plan.processInstanceId();
    driver.jobs(instance, Elements.MARK_MEASURE_IN_PROGRESS);
    driver.complete(instance, Elements.ANNOUNCE_INITIATION, ZoningSteps.announce("2026-01-05"));
    driver.complete(instance, Elements.PREPARE_PROPOSAL, ZoningSteps.proposal("2026-03-04", ""));
    driver.jobs(instance, Elements.DISPLAY_ENDED);
    driver.complete(
        instance, Elements.REPLY_TO_REMINDERS, fi.muutos.testing.ZoningSteps.reply(false));
    assertThat(driver.active(instance)).contains(Elements.RECORD_DECISION);
    return plan;
  }

  private static String recordNumber() {
    return (1000 + Math.abs(UUID.randomUUID().hashCode() % 9000)) + "/10.02.03/2026";
  }

  private static Item item(String id, String record, String title, String decision) {
    return new Item(
        id, "Kaupunkikehityslautakunta", "20.04.2026", 31, record, title, decision, "27.04.2026");
  }

  private static String id() {
    return "2026" + Math.abs(UUID.randomUUID().hashCode() % 100000) + "-7";
  }

  @Test
  void aPlanWaitingForItsDecisionMovesOnWhenTheDecisionIsInTheFeed() {
    String record = recordNumber();
    Started plan = planAwaitingDecision("Sataman kortteli " + UUID.randomUUID(), record);
    dynasty.publish(
        item(
            id(),
            record,
            "Asemakaavan muutos, Sataman kortteli",
            "Kaupunkikehityslautakunta hyväksyi päätösehdotuksen yksimielisesti."));

    var result = decisions.pollNow().get(0);

    assertThat(result.error()).isNull();
    assertThat(result.sent()).isEqualTo(1);
    assertThat(driver.visited(plan.processInstanceId()))
        .as("nobody typed anything")
        .contains(Elements.DECISION_RECEIVED);
    assertThat(plans.find(plan.planId()).stage()).isEqualTo(ZoningStage.APPROVED);
    var stored = decisions.state(null, 50).get(0).items().get(0);
    assertThat(stored.status()).isEqualTo("SENT");
    assertThat(stored.section()).isEqualTo("§ 31");
    assertThat(stored.minutesPublishedOn()).hasToString("2026-04-27");
    assertThat(stored.decisionText())
        .as("the meeting's own decision, not the board's earlier one")
        .isEqualTo("Kaupunkikehityslautakunta hyväksyi päätösehdotuksen yksimielisesti.");
    assertThat(inbox.find(stored.eventId()).status()).isEqualTo("CORRELATED");
    assertThat(inbox.find(stored.eventId()).source()).isEqualTo("/dynasty/test");

    // a second poll: the feed says nothing new, no page is read, nothing is sent
    int pages = dynasty.pageRequests();
    int events = inbox.list(null, "fi.muutos.decision.made", 500).size();
    var again = decisions.pollNow().get(0);
    assertThat(again.read()).isZero();
    assertThat(dynasty.pageRequests()).isEqualTo(pages);
    assertThat(inbox.list(null, "fi.muutos.decision.made", 500)).hasSize(events);
  }

  @Test
  void anItemNamingNoCaseWaitsForTheRegistryWhichLinksIt() {
    String name = "Kivisillan asemakaava " + UUID.randomUUID().toString().substring(0, 4);
    Started plan = planAwaitingDecision(name, null);
    dynasty.publish(
        item(id(), null, "Kivisillan asemakaavan muutos", "Lautakunta hyväksyi ehdotuksen."));

    var result = decisions.pollNow().get(0);

    assertThat(result.registry()).isEqualTo(1);
    assertThat(driver.active(plan.processInstanceId()))
        .as("never a guess")
        .contains(Elements.RECORD_DECISION);
    Task task =
        taskService
            .createTaskQuery()
            .processDefinitionKey(MeetingDecisionProcess.KEY)
            .list()
            .stream()
            .filter(
                t ->
                    String.valueOf(taskService.getVariable(t.getId(), "meetingItemCandidates"))
                        .contains(plan.businessKey()))
            .findFirst()
            .orElseThrow();
    assertThat(task.getName()).isEqualTo("Yhdistä päätös asiaan");
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anyMatch(link -> "kirjaamo".equals(link.getGroupId()));
    assertThat(taskService.getVariable(task.getId(), "linkedCase")).isEqualTo(plan.businessKey());
    assertThat(String.valueOf(taskService.getVariable(task.getId(), "meetingItemReason")))
        .contains("Asiaa ei tunnistettu");

    Map<String, Object> wrong = new HashMap<>();
    wrong.put("linkedCase", "KAAVA-1999-1");
    wrong.put("confirmedOutcome", "APPROVED");
    wrong.put("confirmedBody", "Hallintosäännön mukainen lautakunta");
    assertThatThrownBy(() -> taskService.complete(task.getId(), wrong))
        .hasMessageContaining("Asiaa \"KAAVA-1999-1\" ei ole");

    // the registry in Tasklist's way: claimed, the form's fields over the engine REST API
    HttpTestClient http = new HttpTestClient(port);
    assertThat(
            http.post(
                    "/engine-rest/task/" + task.getId() + "/claim",
                    "kirjaaja",
                    "demo",
                    "application/json",
                    "{\"userId\":\"kirjaaja\"}")
                .statusCode())
        .isEqualTo(204);
    var done =
        http.post(
            "/engine-rest/task/" + task.getId() + "/complete",
            "kirjaaja",
            "demo",
            "application/json",
            "{\"variables\":{"
                + "\"notForMuutos\":{\"value\":false,\"type\":\"Boolean\"},"
                + "\"linkedCase\":{\"value\":\""
                + plan.businessKey()
                + "\",\"type\":\"String\"},"
                + "\"confirmedOutcome\":{\"value\":\"APPROVED\",\"type\":\"String\"},"
                + "\"confirmedBody\":{\"value\":\"Hallintosäännön mukainen lautakunta\","
                + "\"type\":\"String\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

    assertThat(driver.visited(plan.processInstanceId())).contains(Elements.DECISION_RECEIVED);
    assertThat(plans.find(plan.planId()).stage()).isEqualTo(ZoningStage.APPROVED);
  }

  @Test
  void anUncertainOutcomeIsConfirmedByTheRegistryAndAnUnrelatedItemOnlyShown() {
    String record = recordNumber();
    Started plan = planAwaitingDecision("Ranta-alueen kaava " + UUID.randomUUID(), record);
    dynasty.publish(
        item(
            id(),
            record,
            "Ranta-alueen asemakaava",
            "Lautakunta hyväksyi muutokset mutta palautti kaavan uudelleen valmisteltavaksi."));
    dynasty.publish(
        item(id(), null, "Tarkastuslautakunnan arviointikertomus", "Merkittiin tiedoksi."));

    var result = decisions.pollNow().get(0);

    assertThat(result.sent()).isZero();
    assertThat(result.registry()).isEqualTo(1);
    assertThat(driver.active(plan.processInstanceId())).contains(Elements.RECORD_DECISION);
    var items = decisions.state(null, 50).get(0).items();
    assertThat(items.get(0).status()).as("nothing open can be it").isEqualTo("UNRELATED");
    assertThat(items.get(1).status()).isEqualTo("REGISTRY");
    assertThat(items.get(1).businessKey()).isEqualTo(plan.businessKey());
    assertThat(items.get(1).reason()).contains("lopputulosta ei voi lukea");
  }

  @Test
  void theServiceAwayOrGarbledLosesNothingAndTheNextPollReadsIt() {
    String record = recordNumber();
    Started plan = planAwaitingDecision("Torikadun kaava " + UUID.randomUUID(), record);
    dynasty.publish(item(id(), record, "Torikadun asemakaava", "Lautakunta hyväksyi kaavan."));

    dynasty.mode(FakeDynasty.Mode.DOWN);
    var down = decisions.pollNow().get(0);
    assertThat(down.error()).contains("503");
    var state = decisions.state(null, 5).get(0);
    assertThat(state.failures()).isEqualTo(1);
    assertThat(state.lastError()).contains("503");
    assertThat(state.nextPollAt()).isAfter(state.lastPolledAt());

    dynasty.mode(FakeDynasty.Mode.GARBLED);
    assertThat(decisions.pollNow().get(0).error()).contains("RSS");
    assertThat(decisions.state(null, 5).get(0).failures()).isEqualTo(2);

    dynasty.mode(FakeDynasty.Mode.HUGE);
    assertThat(decisions.pollNow().get(0).error()).contains("liian suuri");
    assertThat(decisions.state(null, 5).get(0).failures()).isEqualTo(3);

    dynasty.mode(FakeDynasty.Mode.UP);
    var back = decisions.pollNow().get(0);
    assertThat(back.error()).isNull();
    assertThat(back.sent()).isEqualTo(1);
    assertThat(decisions.state(null, 5).get(0).failures()).isZero();
    assertThat(plans.find(plan.planId()).stage()).isEqualTo(ZoningStage.APPROVED);
  }

  @Test
  void twoNodesPollingAtOnceReadTheFeedOnce() throws Exception {
    dynasty.publish(item(id(), null, "Kokouksen laillisuus ja päätösvaltaisuus", "Todettiin."));
    decisions.pollNow();
    // the next poll is due now, on both "nodes" at once
    jdbc.sql("update mu_meeting_source set next_poll_at = null").update();
    int feeds = dynasty.feedRequests();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<MeetingDecisions.PollResult>> both = new ArrayList<>();
      both.add(() -> decisions.pollDue().get(0));
      both.add(() -> decisions.pollDue().get(0));
      List<MeetingDecisions.PollResult> results = new ArrayList<>();
      for (Future<MeetingDecisions.PollResult> f : pool.invokeAll(both)) {
        results.add(f.get());
      }
      assertThat(results).filteredOn(MeetingDecisions.PollResult::polled).hasSize(1);
      assertThat(dynasty.feedRequests() - feeds).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
