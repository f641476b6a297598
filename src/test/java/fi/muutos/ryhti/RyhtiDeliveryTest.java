package fi.muutos.ryhti;

import static fi.muutos.zoning.ZoningPlanProcess.Elements.ANNOUNCE_INITIATION;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.DISPLAY_DRAFT;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.PREPARE_PROPOSAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.FakeRyhti;
import fi.muutos.testing.FakeRyhti.Call;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.MutableClock;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.ZoningSteps;
import fi.muutos.zoning.PlanAreaTest;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.RyhtiProblem;
import fi.muutos.zoning.RyhtiStatus;
import fi.muutos.zoning.StartPlan;
import fi.muutos.zoning.ZoningPlanProcedure;
import fi.muutos.zoning.ZoningPlanProcedure.Started;
import fi.muutos.zoning.ZoningPlanProcess.Elements;
import fi.muutos.zoning.ZoningPlanView;
import fi.muutos.zoning.ZoningPlans;
import fi.muutos.zoning.ZoningStage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plans reach Ryhti by themselves: against a stand-in that checks every request against SYKE's
 * description ({@link FakeRyhti}), a plan walked through its procedure delivers each stage once and
 * in order, a retry or a second node never adds a phase twice, a refusal opens the planners' task
 * and a corrected delivery closes it.
 */
@IntegrationTest
class RyhtiDeliveryTest {

  @Autowired ZoningPlanProcedure procedure;
  @Autowired ZoningPlans plans;
  @Autowired RyhtiDelivery delivery;
  @Autowired ProcessDriver driver;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  final FakeRyhti ryhti = FakeRyhti.server();
  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void aPlanWalkedToEntryIntoForceReachesRyhtiStageByStageEachOnce() throws Exception {
    Plan plan = start(PlanType.DETAILED_PLAN, PlanAreaTest.SQUARE);
    plan.deliver();
    String identifier = plan.view().ryhti().permanentIdentifier();
    assertThat(identifier).isEqualTo(ryhti.identifier(plan.businessKey));

    plan.complete(ANNOUNCE_INITIATION, ZoningSteps.announce("2026-01-05"));
    plan.deliver(); // the plan matter with 01, then 02 and 03
    plan.complete(
        DISPLAY_DRAFT,
        Map.of(
            "draftDisplayStart", "2026-01-12",
            "draftDisplayEnd", "2026-02-11",
            "backdatingReason", ZoningSteps.REASON));
    plan.deliver(); // 03 again, with the draft's display
    plan.complete(PREPARE_PROPOSAL, ZoningSteps.proposal("2026-03-04", ""));
    plan.deliver();
    // the proposal was displayed with this area: it is fixed now
    assertThat(
            http.put(
                    "/api/zoning/plans/" + plan.id + "/area",
                    "kaavoittaja",
                    "demo",
                    PlanAreaTest.SQUARE)
                .statusCode())
        .isEqualTo(409);
    plan.job(Elements.DISPLAY_ENDED);
    plan.complete(Elements.REPLY_TO_REMINDERS, fi.muutos.testing.ZoningSteps.reply(false));
    plan.complete(
        Elements.BOARD_PROPOSAL,
        Map.of("boardProposalDate", plan.view().displayEndsOn().plusDays(1).toString()));
    plan.complete(
        Elements.RECORD_DECISION,
        Map.of(
            "decisionBody", "Kaupunginvaltuusto",
            "decisionDate", "2026-04-20",
            "decisionOutcome", "APPROVED",
            "decisionSection", "§ 45"));
    plan.complete(
        Elements.LEGALITY_CHECK,
        Map.of("legalityCheckResult", "LAWFUL", "legalityCheckDate", "2026-04-20"));
    plan.deliver();
    plan.complete(
        Elements.PUBLISH_NOTICE,
        Map.of(
            "noticeDate",
            "2026-05-04",
            "notifiedElinvoimakeskus",
            true,
            "elinvoimakeskusNotifiedOn",
            "2026-05-04",
            "notifiedRegionalCouncil",
            true,
            "notifiedReminderFilers",
            true,
            "backdatingReason",
            ZoningSteps.REASON));
    plan.deliver(); // 06 again: the decision was given (published) on the notice's day
    plan.job(Elements.APPEAL_PERIOD_ENDED);
    plan.complete(
        Elements.CHECK_LEGAL_FORCE,
        Map.of("appealsLodged", false, "legalForceCheck", "Hämeenlinnan HaO: ei valituksia"));
    String inForce = plan.legalDate(ZoningStage.LEGALLY_BINDING).plusDays(14).toString();
    plan.complete(
        Elements.ENTRY_INTO_FORCE_NOTICE,
        Map.of("entryIntoForceDate", inForce, "backdatingReason", ZoningSteps.REASON));
    plan.deliver();

    assertThat(ryhti.violations()).as("every request as the description defines it").isEmpty();
    // one reservation, one plan matter, one phase per lifecycle state, in order
    assertThat(plan.calls("POST", ".*/PermanentPlanIdentifier")).hasSize(1);
    assertThat(plan.calls("POST", ".*Matter/" + identifier)).hasSize(1);
    assertThat(plan.stored()).containsExactly("01", "02", "03", "04", "06", "12", "13");
    assertThat(plan.calls("POST", ".*/phase/[0-9a-f-]+"))
        .extracting(c -> plan.code(c.body()))
        .containsExactly("02", "03", "04", "06", "12", "13");
    assertThat(plan.calls("PUT", ".*/phase/[0-9a-f-]+"))
        .as("a phase Ryhti holds is corrected, never added again")
        .extracting(c -> plan.code(c.body()))
        .containsExactly("03", "06");
    assertThat(plan.calls("POST", ".*/phase/[0-9a-f-]+/validate"))
        .as("each message is validated before it is stored")
        .hasSize(8);

    JsonNode matter = ryhti.matter(identifier);
    assertThat(matter.path("timeOfInitiation").asText()).isEqualTo("2026-01-05");
    assertThat(matter.path("planType").asText()).endsWith("RY_Kaavalaji/code/31");
    assertThat(matter.path("recordNumbers").get(0).asText()).isEqualTo(plan.recordNumber);
    assertThat(matter.path("administrativeAreaIdentifiers").get(0).asText()).isEqualTo("111");
    JsonNode announced = plan.phase("02");
    assertThat(announced.at("/handlingEvent/handlingEventType").asText())
        .endsWith("kaavakastap/code/04");
    assertThat(announced.at("/handlingEvent/eventTime").asText()).isEqualTo("2026-01-05");
    assertThat(announced.at("/geographicalArea/srid").asText()).isEqualTo("3067");
    assertThat(announced.at("/geographicalArea/geometry/type").asText()).isEqualTo("Polygon");
    JsonNode draft = plan.phase("03").at("/interactionEvents/0");
    assertThat(draft.path("interactionEventType").asText())
        .endsWith("RY_KaavanVuorovaikutustapahtumanLaji/code/01");
    assertThat(draft.at("/eventTime/begin").asText()).isEqualTo("2026-01-12T00:00:00+02:00");
    assertThat(draft.at("/eventTime/end").asText()).startsWith("2026-02-1");
    assertThat(plan.phase("04").at("/interactionEvents/0/eventTime/begin").asText())
        .isEqualTo("2026-03-04T00:00:00+02:00");
    JsonNode decision = plan.phase("06").path("planDecision");
    assertThat(decision.path("name").asText()).endsWith("kaavpaatnimi/code/11A");
    assertThat(decision.path("decisionDate").asText()).isEqualTo("2026-04-20");
    assertThat(decision.path("dateOfDecision").asText()).isEqualTo("2026-05-04");
    assertThat(decision.path("typeOfDecisionMaker").asText()).endsWith("PaatoksenTekija/code/01");
    assertThat(decision.path("decisionIdentifier").asText()).isEqualTo("§ 45");
    assertThat(plan.phase("13").at("/handlingEvent/eventTime").asText()).isEqualTo(inForce);

    RyhtiStatus status = plan.view().ryhti();
    assertThat(status.lastDeliveredPhase()).isEqualTo("13");
    assertThat(status.pending()).isZero();
    assertThat(status.problems()).isEmpty();
    JsonNode queue =
        json.readTree(
            http.get(
                    "/api/ryhti/deliveries?state=DELIVERED&plan=" + plan.businessKey,
                    "kaavoittaja",
                    "demo")
                .body());
    assertThat(queue).hasSize(10);
  }

  @Test
  void aLostAnswerAndTwoNodesNeverAddAPhaseTwice() throws Exception {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, PlanAreaTest.SQUARE);
    plan.deliver();
    plan.complete(ANNOUNCE_INITIATION, ZoningSteps.announce("2026-01-05"));
    // Ryhti stores 02, but its answer is lost on the way back
    ryhti.loseNextAnswer("POST", ".*/phase/[0-9a-f-]+");
    assertThat(plan.deliver().failed()).isEqualTo(1);
    assertThat(plan.stored()).containsExactly("01", "02");
    // a node took the message and died: nobody sends it until its claim runs out
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql(
            "update mu_ryhti_delivery set claimed_until = ?, next_attempt_at = ?"
                + " where business_key = ? and state = 'PENDING'")
        .params(now.plusMinutes(2), now, plan.businessKey)
        .update();
    assertThat(plan.deliver().delivered()).isZero();
    clock.advance(Duration.ofMinutes(3));
    plan.complete(PREPARE_PROPOSAL, ZoningSteps.proposal("2026-03-04", ""));
    // two nodes at once
    CompletableFuture<RyhtiDelivery.Run> one =
        CompletableFuture.supplyAsync(() -> delivery.deliverDue(plan.businessKey));
    CompletableFuture<RyhtiDelivery.Run> two =
        CompletableFuture.supplyAsync(() -> delivery.deliverDue(plan.businessKey));
    assertThat(one.get().delivered() + two.get().delivered()).isEqualTo(2);

    assertThat(ryhti.violations()).isEmpty();
    assertThat(plan.stored()).containsExactly("01", "02", "04");
    assertThat(plan.calls("POST", ".*/phase/[0-9a-f-]+"))
        .extracting(c -> plan.code(c.body()))
        .containsExactly("02", "04");
    assertThat(plan.calls("PUT", ".*/phase/[0-9a-f-]+"))
        .as("the retry found 02 stored and corrected it")
        .extracting(c -> plan.code(c.body()))
        .containsExactly("02");
  }

  @Test
  void aRefusalOpensTheCorrectionTaskAndACorrectedDeliveryClosesIt() throws Exception {
    Plan plan = start(PlanType.DETAILED_PLAN, PlanAreaTest.SQUARE);
    plan.deliver();
    ryhti.refuseNextPhase(
        "lifecycle/req-codelist-handlingeventtype-codevalue-lifecycle",
        "Käsittelytapahtuman laji ei vastaa elinkaaren tilaa");
    plan.complete(ANNOUNCE_INITIATION, ZoningSteps.announce("2026-01-05"));
    RyhtiDelivery.Run run = plan.deliver();
    assertThat(run.rejected()).isEqualTo(1);
    assertThat(plan.stored()).as("03 waits behind the refused 02").containsExactly("01");
    assertThat(plan.view().ryhti().problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo("RYHTI");
              assertThat(p.ruleId())
                  .isEqualTo("lifecycle/req-codelist-handlingeventtype-codevalue-lifecycle");
            });
    Task task = plan.correctionTask();
    assertThat(task.getName()).isEqualTo("Korjaa Ryhti-virhe");
    assertThat(tasks.getIdentityLinksForTask(task.getId()))
        .anyMatch(link -> "kaavoitus".equals(link.getGroupId()));
    assertThat((String) tasks.getVariable(task.getId(), "ryhtiProblems"))
        .contains("Käsittelytapahtuman laji ei vastaa elinkaaren tilaa");
    assertThat(plan.deliver().delivered()).as("nothing moves until it is corrected").isZero();

    tasks.complete(task.getId(), Map.of("correctionNote", "Tarkistettu käsittelytapahtuma"));
    assertThat(plan.deliver().delivered()).isEqualTo(2);
    assertThat(plan.stored()).containsExactly("01", "02", "03");
    assertThat(plan.correctionOpen()).as("closed by Ryhti's acceptance").isFalse();
    assertThat(plan.view().ryhti().problems()).isEmpty();
    assertThat(ryhti.violations()).isEmpty();
  }

  @Test
  void aPlanWithoutAnAreaWaitsForItAndItsTaskClosesWhenItIsGiven() throws Exception {
    Plan plan = start(PlanType.DETAILED_PLAN, null);
    plan.deliver();
    plan.complete(ANNOUNCE_INITIATION, ZoningSteps.announce("2026-01-05"));
    assertThat(plan.deliver().rejected()).isEqualTo(1);
    assertThat(plan.calls("POST", ".*Matter/" + plan.identifier() + "(/Validate)?"))
        .as("our own check holds it back: nothing Ryhti would refuse is sent")
        .isEmpty();
    assertThat(plan.view().ryhti().problems())
        .extracting(RyhtiProblem::ruleId)
        .contains("muutos/area-required");
    assertThat(plan.correctionOpen()).isTrue();

    String path = "/api/zoning/plans/" + plan.id + "/area";
    assertThat(http.put(path, "kirjaaja", "demo", PlanAreaTest.SQUARE).statusCode())
        .as("another group's account")
        .isEqualTo(403);
    HttpResponse<String> degrees =
        http.put(
            path,
            "kaavoittaja",
            "demo",
            "{\"type\":\"Polygon\",\"coordinates\":[[[26,61],[26.1,61],[26.1,61.1],[26,61]]]}");
    assertThat(degrees.statusCode()).isEqualTo(400);
    assertThat(degrees.body()).contains("invalid-area").contains("asteilta");
    assertThat(plan.view().area()).isNull();
    HttpResponse<String> given =
        http.put(
            path,
            "kaavoittaja",
            "demo",
            "{\"type\":\"Feature\",\"properties\":{\"nimi\":\"Keskusta\"},\"geometry\":"
                + PlanAreaTest.SQUARE
                + "}");
    assertThat(given.statusCode()).isEqualTo(200);
    assertThat(json.readTree(given.body()).at("/area/type").asText()).isEqualTo("Polygon");

    assertThat(plan.deliver().rejected()).isZero();
    assertThat(plan.stored()).containsExactly("01", "02", "03");
    assertThat(plan.correctionOpen()).isFalse();
    assertThat(ryhti.violations()).isEmpty();
  }

  @Test
  void anExpiredTokenIsRenewedAndAnOutageIsRetriedLater() {
    Plan plan = start(PlanType.MASTER_PLAN, PlanAreaTest.SQUARE);
    int tokens = ryhti.tokensGiven();
    ryhti.expireTokens();
    ryhti.answerNext(
        "POST", ".*/PermanentPlanIdentifier", 503, "{\"title\":\"Service Unavailable\"}");
    assertThat(plan.deliver().failed()).isEqualTo(1);
    assertThat(ryhti.tokensGiven()).as("the expired token was renewed").isEqualTo(tokens + 1);
    JsonNode waiting = plan.queue("PENDING").get(0);
    assertThat(waiting.path("lastStatus").asInt()).isEqualTo(503);
    assertThat(waiting.path("attempts").asInt()).isEqualTo(1);
    assertThat(plan.deliver().failed()).as("not due before its back-off").isZero();
    clock.advance(Duration.ofSeconds(2));
    assertThat(plan.deliver().delivered()).isEqualTo(1);
    assertThat(plan.calls("POST", "/plan/api/LocalMasterPlanMatter/PermanentPlanIdentifier"))
        .extracting(Call::status)
        .contains(503)
        .endsWith(201);
    assertThat(plan.view().ryhti().permanentIdentifier()).startsWith("111Y-");
  }

  @Test
  void aBadRequestIsShownInRyhtisWordsAndNotSentAgain() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, PlanAreaTest.SQUARE);
    ryhti.answerNext(
        "POST",
        ".*/PermanentPlanIdentifier",
        400,
        "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"projectName on jo varattu\"}");
    assertThat(plan.deliver().rejected()).isEqualTo(1);
    assertThat(plan.view().ryhti().problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo("RYHTI");
              assertThat(p.message()).isEqualTo("Bad Request: projectName on jo varattu");
            });
    assertThat(plan.queue("REJECTED").get(0).path("lastStatus").asInt()).isEqualTo(400);
    clock.advance(Duration.ofHours(1));
    assertThat(plan.deliver().rejected()).as("not retried by itself").isZero();
    assertThat(plan.correctionOpen()).isTrue();
  }

  @Test
  void aPlanUnderWayBeforeDeliveryReachesRyhtiAtItsNextStage() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, PlanAreaTest.SQUARE);
    plan.complete(ANNOUNCE_INITIATION, ZoningSteps.announce("2026-01-05"));
    // as if the plan had come this far before this version: nothing of it was queued
    jdbc.sql("delete from mu_ryhti_delivery where business_key = ?")
        .param(plan.businessKey)
        .update();
    plan.complete(PREPARE_PROPOSAL, ZoningSteps.proposal("2026-03-04", ""));
    assertThat(plan.deliver().delivered()).isEqualTo(3);
    assertThat(plan.stored()).containsExactly("01", "04");
    assertThat(ryhti.matter(plan.identifier()).path("timeOfInitiation").asText())
        .isEqualTo("2026-01-05");
  }

  @Test
  void aBadAreaStartsNothingAndAnAreaIsJsonOnly() throws Exception {
    int before = plans.list(null).size();
    for (String area :
        List.of(
            "\"Keskusta\"",
            "5",
            "{\"type\":\"Polygon\",\"coordinates\":[[[447000,6786000],[449000,6786000],"
                + "[447000,6786000]]]}")) {
      HttpResponse<String> refused =
          http.postJson(
              "/api/zoning/plans",
              "kaavoittaja",
              "demo",
              "{\"name\":\"Rajakaava\",\"type\":\"DETAILED_PLAN\",\"area\":" + area + "}");
      assertThat(refused.statusCode()).as(area).isEqualTo(400);
      assertThat(refused.body()).contains("invalid-area");
    }
    assertThat(plans.list(null)).hasSize(before);
    Plan plan = start(PlanType.DETAILED_PLAN, null);
    assertThat(
            http.put(
                    "/api/zoning/plans/" + plan.id + "/area",
                    "kaavoittaja",
                    "demo",
                    "{\"type\":\"Point\",\"coordinates\":[447000,6786000]}")
                .statusCode())
        .isEqualTo(400);
    assertThat(plan.view().area()).isNull();
  }

  @Test
  void theQueueIsThePlannersAndTheRetryTheAdministrators() throws Exception {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, PlanAreaTest.SQUARE);
    plan.deliver();
    JsonNode delivered = plan.queue("DELIVERED").get(0);
    assertThat(delivered.path("kind").asText()).isEqualTo("RESERVE");
    assertThat(delivered.at("/body/projectName").asText()).isEqualTo(plan.businessKey);
    assertThat(http.get("/api/ryhti/deliveries", "kirjaaja", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/ryhti/deliveries?state=SENT", "kaavoittaja", "demo").statusCode())
        .isEqualTo(400);
    String retry = "/api/ryhti/deliveries/" + delivered.path("id").asLong() + "/retry";
    assertThat(http.postJson(retry, "kaavoittaja", "demo", "").statusCode()).isEqualTo(403);
    assertThat(http.postJson(retry, "admin", "demo", "").statusCode()).isEqualTo(409);
    assertThat(
            http.postJson("/api/ryhti/deliveries/999999999/retry", "admin", "demo", "")
                .statusCode())
        .isEqualTo(404);
  }

  // --- a plan and what Ryhti has of it --------------------------------------------------------

  private Plan start(PlanType type, String area) {
    // a record number belongs to one case
    String recordNumber = "HEI/" + UUID.randomUUID().toString().substring(0, 8) + "/10.02.03/2026";
    Started started =
        procedure.start(
            new StartPlan(
                "Ryhtikaava " + UUID.randomUUID().toString().substring(0, 8),
                type,
                false,
                "Keskusta",
                List.of(),
                null,
                recordNumber,
                area));
    driver.jobs(started.processInstanceId(), Elements.MARK_MEASURE_IN_PROGRESS);
    return new Plan(started, recordNumber);
  }

  private final class Plan {
    final long id;
    final String businessKey;
    final String instanceId;
    final String recordNumber;

    Plan(Started started, String recordNumber) {
      this.recordNumber = recordNumber;
      this.id = started.planId();
      this.businessKey = started.businessKey();
      this.instanceId = started.processInstanceId();
    }

    ZoningPlanView view() {
      return plans.find(id);
    }

    RyhtiDelivery.Run deliver() {
      return delivery.deliverDue(businessKey);
    }

    void complete(String task, Map<String, Object> values) {
      driver.complete(instanceId, task, values);
    }

    void job(String activity) {
      driver.jobs(instanceId, activity);
    }

    java.time.LocalDate legalDate(ZoningStage stage) {
      return view().legalDate(stage).orElseThrow(() -> new AssertionError("never " + stage));
    }

    String identifier() {
      return view().ryhti().permanentIdentifier();
    }

    /** The lifecycle codes of the phases Ryhti holds, in the order they were first stored. */
    List<String> stored() {
      return ryhti.phases(identifier()).values().stream()
          .map(p -> p.path("lifeCycleStatus").asText().replaceAll(".*/", ""))
          .sorted()
          .toList();
    }

    JsonNode phase(String code) {
      return ryhti.phases(identifier()).values().stream()
          .filter(p -> p.path("lifeCycleStatus").asText().endsWith("/" + code))
          .findFirst()
          .orElseThrow(() -> new AssertionError("Ryhti has no phase " + code));
    }

    /** This plan's calls of a method to paths matching the pattern. */
    List<Call> calls(String method, String pathRegex) {
      String mine = identifier();
      List<Call> calls = new ArrayList<>();
      for (Call call : ryhti.calls()) {
        boolean ours =
            (mine != null && call.path().contains("/" + mine))
                || call.body().contains("\"" + businessKey + "\"");
        if (ours && call.method().equals(method) && call.path().matches(pathRegex)) {
          calls.add(call);
        }
      }
      return calls;
    }

    String code(String body) {
      try {
        return json.readTree(body).path("lifeCycleStatus").asText().replaceAll(".*/", "");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    JsonNode queue(String state) {
      try {
        return json.readTree(
            http.get(
                    "/api/ryhti/deliveries?state=" + state + "&plan=" + businessKey,
                    "kaavoittaja",
                    "demo")
                .body());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    Task correctionTask() {
      return tasks
          .createTaskQuery()
          .processDefinitionKey(RyhtiCorrectionProcess.KEY)
          .processInstanceBusinessKey(businessKey)
          .singleResult();
    }

    boolean correctionOpen() {
      return runtime
              .createProcessInstanceQuery()
              .processDefinitionKey(RyhtiCorrectionProcess.KEY)
              .processInstanceBusinessKey(businessKey)
              .count()
          > 0;
    }
  }
}
