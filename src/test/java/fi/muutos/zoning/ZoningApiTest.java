package fi.muutos.zoning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/zoning over real HTTP. */
@IntegrationTest
class ZoningApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void aPlannerStartsAPlanAndEveryoneConcernedSeesIt() throws Exception {
    String key = "KAAVA-API-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        start(
            "{\"name\":\"Kauppatorin kortteli\",\"type\":\"DETAILED_PLAN\","
                + "\"significant\":true,\"areaDescription\":\"Keskusta\",\"businessKey\":\""
                + key
                + "\",\"recordNumber\":\"HEI/123/10.02.03/2026\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode started = json.readTree(created.body());
    assertThat(started.path("businessKey").asText()).isEqualTo(key);
    assertThat(created.headers().firstValue("Location"))
        .contains("/api/zoning/plans/" + started.path("planId").asLong());
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(started.path("processInstanceId").asText())
                .singleResult()
                .getBusinessKey())
        .isEqualTo(key);

    JsonNode plan =
        json.readTree(
            http.get(
                    "/api/zoning/plans/" + started.path("planId").asLong(),
                    "kaupunginjohtaja",
                    "demo")
                .body());
    assertThat(plan.path("stage").asText()).isEqualTo("INITIATED");
    assertThat(plan.path("ryhtiCode").asText()).isEqualTo("01");
    assertThat(plan.path("typeLabel").asText()).isEqualTo("Asemakaava");
    assertThat(plan.path("approvingBody").asText()).isEqualTo("Kaupunginvaltuusto");
    assertThat(plan.path("recordNumber").asText()).isEqualTo("HEI/123/10.02.03/2026");
    assertThat(plan.path("stages")).hasSize(1);
    assertThat(plan.path("daysInStage").asLong()).isZero();
    assertThat(http.get("/api/zoning/plans?state=INITIATED", "kirjaaja", "demo").body())
        .contains(key);
  }

  @Test
  void concurrentStartsWithTheSameKeyStartOnePlanAndTheRestAre409() throws Exception {
    String key = "KAAVA-RACE-" + UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"name\":\"Kaava\",\"type\":\"MASTER_PLAN\",\"businessKey\":\"" + key + "\"}";
    var statuses = new ArrayList<Integer>();
    for (HttpResponse<String> response : concurrently(8, i -> body)) {
      statuses.add(response.statusCode());
      if (response.statusCode() == 409) {
        assertThat(response.body()).contains("urn:muutos:problem:");
      }
    }
    assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count())
        .isEqualTo(1);
  }

  @Test
  void concurrentStartsWithoutAKeyEachGetTheirOwnNumber() throws Exception {
    var keys = new HashSet<String>();
    for (HttpResponse<String> response :
        concurrently(
            12,
            i -> "{\"name\":\"Rinnakkainen " + i + "\",\"type\":\"MINOR_DETAILED_PLAN_CHANGE\"}")) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      keys.add(json.readTree(response.body()).path("businessKey").asText());
    }
    assertThat(keys).hasSize(12).allMatch(key -> key.matches("KAAVA-\\d{4}-\\d{3,}"));
  }

  /** Posts {@code starts} plans at the same moment, each from a client of its own. */
  private List<HttpResponse<String>> concurrently(int starts, IntFunction<String> body)
      throws Exception {
    var pool = Executors.newFixedThreadPool(starts);
    try {
      var ready = new CountDownLatch(starts);
      var answers = new ArrayList<Future<HttpResponse<String>>>();
      for (int i = 0; i < starts; i++) {
        String request = body.apply(i);
        answers.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  ready.await();
                  return new HttpTestClient(port)
                      .postJson("/api/zoning/plans", "kaavoittaja", "demo", request);
                }));
      }
      var responses = new ArrayList<HttpResponse<String>>();
      for (var answer : answers) {
        responses.add(answer.get());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTakenBusinessKeyIs409() {
    String key = "KAAVA-DUP-" + UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"name\":\"Kaava\",\"type\":\"MASTER_PLAN\",\"businessKey\":\"" + key + "\"}";
    assertThat(start(body).statusCode()).isEqualTo(201);
    HttpResponse<String> again = start(body);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("urn:muutos:problem:duplicate-business-key");
  }

  @Test
  void badInputIs400() {
    for (String body :
        new String[] {
          "{}",
          "{\"name\":\"X\",\"type\":\"VILLAGE_PLAN\"}",
          "{\"name\":\" \",\"type\":\"DETAILED_PLAN\"}",
          "{\"name\":\"X\",\"type\":\"DETAILED_PLAN\",\"businessKey\":\"a b; drop table\"}",
          "{\"name\":\"X\",\"type\":\"DETAILED_PLAN\",\"recordNumber\":\"<script>\"}",
          "{\"name\":\"X\",\"type\":\"DETAILED_PLAN\",\"recordNumber\":\"" + "9".repeat(65) + "\"}"
        }) {
      HttpResponse<String> response = start(body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("application/problem+json");
    }
  }

  @Test
  void aMinorChangeIsNeverSignificantWhateverStartsIt() throws Exception {
    String name = "Merkittävä vähäinen " + java.util.UUID.randomUUID();
    HttpResponse<String> api =
        start(
            "{\"name\":\""
                + name
                + "\",\"type\":\"MINOR_DETAILED_PLAN_CHANGE\",\"significant\":true}");
    assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
    assertThat(json.readTree(api.body()).path("detail").asText()).contains("AKL 52 §");
    HttpResponse<String> engine =
        http.postJson(
            "/engine-rest/process-definition/key/zoningPlan/start",
            "kaavoittaja",
            "demo",
            "{\"variables\":{\"planName\":{\"value\":\""
                + name
                + "\"},"
                + "\"planType\":{\"value\":\"MINOR_DETAILED_PLAN_CHANGE\"},"
                + "\"significant\":{\"value\":true}}}");
    assertThat(engine.statusCode()).as(engine.body()).isEqualTo(400);
    assertThat(engine.body()).contains("AKL 52");
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .variableValueEquals("planName", name)
                .count())
        .as("nothing started")
        .isZero();
  }

  @Test
  void onlyPlannersStartPlans() {
    String body = "{\"name\":\"Kaava\",\"type\":\"DETAILED_PLAN\"}";
    assertThat(
            http.post("/api/zoning/plans", "kirjaaja", "demo", "application/json", body)
                .statusCode())
        .isEqualTo(403);
    assertThat(http.get("/api/zoning/plans/1", "henkilostopaallikko", "demo").statusCode())
        .isIn(401, 403);
    assertThat(http.get("/api/zoning/plans")).extracting(HttpResponse::statusCode).isEqualTo(401);
  }

  @Test
  void aPlanIsSuspendedResumedAndCancelled() throws Exception {
    JsonNode started =
        json.readTree(start("{\"name\":\"Ranta-asemakaava\",\"type\":\"DETAILED_PLAN\"}").body());
    long id = started.path("planId").asLong();
    String instanceId = started.path("processInstanceId").asText();

    JsonNode suspended = json.readTree(action(id, "suspend", "").body());
    assertThat(suspended.path("stage").asText()).isEqualTo("SUSPENDED");
    assertThat(suspended.path("ryhtiCode").asText()).isEqualTo("17");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .isSuspended())
        .isTrue();
    assertThat(action(id, "cancel", "{\"reason\":\"x\"}").statusCode()).isEqualTo(409);

    assertThat(json.readTree(action(id, "resume", "").body()).path("stage").asText())
        .isEqualTo("INITIATED");
    HttpResponse<String> cancelled = action(id, "cancel", "{\"reason\":\"Hanke raukesi\"}");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(json.readTree(cancelled.body()).path("outcome").asText()).isEqualTo("CANCELLED");
    assertThat(action(id, "cancel", "{\"reason\":\"uudestaan\"}").statusCode()).isEqualTo(409);
  }

  @Test
  void leadTimesComeFromTheLegalDatesOnTheRecord() throws Exception {
    JsonNode started =
        json.readTree(start("{\"name\":\"Läpimenoaika\",\"type\":\"DETAILED_PLAN\"}").body());
    String instanceId = started.path("processInstanceId").asText();
    managementService.executeJob(
        managementService.createJobQuery().processInstanceId(instanceId).singleResult().getId());
    taskService.complete(
        taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId(),
        Map.of(
            "announcementDate",
            "2026-01-05",
            "oasReference",
            "OAS 1/2026",
            "backdatingReason",
            "Aiempi toimi"));

    JsonNode leadTimes =
        json.readTree(http.get("/api/zoning/lead-times", "kaupunginjohtaja", "demo").body());
    assertThat(leadTimes).hasSize(ZoningLeadTimes.SPANS.size());
    JsonNode first = leadTimes.get(0);
    assertThat(first.path("stage").asText()).isEqualTo("Vireilletulosta ehdotukseen");
    assertThat(first.path("from").asText()).isEqualTo("ANNOUNCED");
    assertThat(first.path("to").asText()).isEqualTo("PROPOSAL");
    assertThat(first.path("plans").asInt()).isNotNegative();
  }

  @Test
  void aPlannerStartingThroughTheEngineRestApiGetsTheSameRecord() throws Exception {
    HttpResponse<String> response =
        http.postJson(
            "/engine-rest/process-definition/key/zoningPlan/start",
            "kaavoittaja",
            "demo",
            "{\"variables\":{\"planName\":{\"value\":\"REST-kaava\"},"
                + "\"planType\":{\"value\":\"MINOR_DETAILED_PLAN_CHANGE\"},"
                + "\"significant\":{\"value\":false}}}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String instanceId = json.readTree(response.body()).path("id").asText();
    String businessKey =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(instanceId)
            .singleResult()
            .getBusinessKey();
    JsonNode plans = json.readTree(http.get("/api/zoning/plans", "kaavoittaja", "demo").body());
    JsonNode plan = null;
    for (JsonNode p : plans) {
      if (businessKey.equals(p.path("businessKey").asText())) {
        plan = p;
      }
    }
    assertThat(plan).isNotNull();
    assertThat(plan.path("processInstanceId").asText()).isEqualTo(instanceId);
    assertThat(plan.path("approvingBody").asText())
        .isEqualTo("Hallintosäännön mukainen lautakunta");
  }

  private HttpResponse<String> start(String body) {
    return http.post("/api/zoning/plans", "kaavoittaja", "demo", "application/json", body);
  }

  private HttpResponse<String> action(long id, String action, String body) {
    return http.post(
        "/api/zoning/plans/" + id + "/" + action, "kaavoittaja", "demo", "application/json", body);
  }
}
