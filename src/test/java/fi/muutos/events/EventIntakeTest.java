package fi.muutos.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /api/events over real HTTP, against the test process that waits for a decision. */
@IntegrationTest
class EventIntakeTest {

  static final String PROCESS = "eventWaitCheck";
  static final String MEETING_SYSTEM = "kokousjarjestelma";
  static final String STRUCTURED = "application/cloudevents+json";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired EventInbox inbox;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void aDecisionCorrelatesToTheWaitingProcessAndCarriesItsData() throws Exception {
    String businessKey = newKey();
    String instanceId = waitingInstance(businessKey);

    HttpResponse<String> response =
        post(STRUCTURED, decision(UUID.randomUUID().toString(), businessKey, "APPROVED"));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode outcome = json.readTree(response.body());
    assertThat(outcome.path("status").asText()).isEqualTo("CORRELATED");
    assertThat(outcome.path("processInstanceId").asText()).isEqualTo(instanceId);
    assertThat(response.headers().firstValue("Location"))
        .contains("/api/events/" + outcome.path("id").asText());
    assertThat(ended(instanceId)).isTrue();
    assertThat(historicVariable(instanceId, "decisionOutcome")).isEqualTo("APPROVED");
    assertThat(historicVariable(instanceId, "decisionSection")).isEqualTo("§ 12");
    assertThat(historicVariable(instanceId, "decisionDate")).isEqualTo("2026-11-27");
  }

  @Test
  void anEventThatArrivesBeforeTheProcessWaitsIsCorrelatedLater() throws Exception {
    String businessKey = newKey();
    String instanceId = runtimeService.startProcessInstanceByKey(PROCESS, businessKey).getId();

    JsonNode outcome =
        json.readTree(
            post(STRUCTURED, decision(UUID.randomUUID().toString(), businessKey, "RETURNED"))
                .body());
    assertThat(outcome.path("status").asText()).isEqualTo("PENDING");
    assertThat(outcome.path("reason").asText()).contains(businessKey, "decisionMade");

    completeTask(instanceId);
    clock.advance(Duration.ofMinutes(1));
    inbox.retryDue();

    InboundEventView later = inbox.find(outcome.path("id").asText());
    assertThat(later.status()).isEqualTo("CORRELATED");
    assertThat(later.attempts()).isEqualTo(2);
    assertThat(ended(instanceId)).isTrue();
  }

  @Test
  void pollersOnSeveralNodesAttemptADueEventOnce() throws Exception {
    String id =
        json.readTree(
                post(STRUCTURED, decision(UUID.randomUUID().toString(), newKey(), "APPROVED"))
                    .body())
            .path("id")
            .asText();
    assertThat(inbox.find(id).attempts()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));

    ExecutorService nodes = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> rounds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rounds.add(
          nodes.submit(
              () -> {
                start.await();
                return inbox.retryDue();
              }));
    }
    start.countDown();
    for (Future<Integer> round : rounds) {
      round.get();
    }
    nodes.shutdown();

    InboundEventView after = inbox.find(id);
    assertThat(after.status()).isEqualTo("PENDING");
    assertThat(after.attempts()).as("one attempt among all pollers").isEqualTo(2);
  }

  @Test
  void anEventNoProcessWaitsForExpiresAtItsHorizonAndStaysVisible() throws Exception {
    String businessKey = newKey();
    String id =
        json.readTree(
                post(STRUCTURED, decision(UUID.randomUUID().toString(), businessKey, "APPROVED"))
                    .body())
            .path("id")
            .asText();

    clock.advance(Duration.ofDays(7).plusMinutes(1));
    inbox.retryDue();

    InboundEventView expired = inbox.find(id);
    assertThat(expired.status()).isEqualTo("EXPIRED");
    assertThat(expired.reason()).contains("horizon");
    assertThat(http.get("/api/events?status=EXPIRED", "admin", "demo").body()).contains(id);
  }

  @Test
  void aRepeatGetsTheStoredOutcomeAndHasNoSecondEffect() throws Exception {
    String businessKey = newKey();
    String instanceId = waitingInstance(businessKey);
    String event = decision("repeat-" + UUID.randomUUID(), businessKey, "APPROVED");

    JsonNode first = json.readTree(post(STRUCTURED, event).body());
    JsonNode second = json.readTree(post(STRUCTURED, event).body());

    assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(second.path("status").asText()).isEqualTo("CORRELATED");
    assertThat(second.path("duplicate").asBoolean()).isTrue();
    assertThat(second.path("processInstanceId").asText()).isEqualTo(instanceId);
  }

  @Test
  void fiftyConcurrentCopiesHaveOneEffect() throws Exception {
    String businessKey = newKey();
    String instanceId = waitingInstance(businessKey);
    waitingInstance(businessKey + "-other"); // a second waiting process that must stay untouched
    String eventId = "burst-" + UUID.randomUUID();
    String event = decision(eventId, businessKey, "APPROVED");

    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      responses.add(
          pool.submit(
              () -> {
                start.await();
                return new HttpTestClient(port)
                    .post("/api/events", MEETING_SYSTEM, "demo", STRUCTURED, event);
              }));
    }
    start.countDown();
    Set<String> ids = new HashSet<>();
    for (Future<HttpResponse<String>> response : responses) {
      HttpResponse<String> done = response.get();
      assertThat(done.statusCode()).as(done.body()).isEqualTo(202);
      ids.add(json.readTree(done.body()).path("id").asText());
    }
    pool.shutdown();

    assertThat(ids).hasSize(1);
    assertThat(
            jdbc.sql("select count(*) from mu_inbound_event where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(inbox.find(ids.iterator().next()).status()).isEqualTo("CORRELATED");
    assertThat(inbox.find(ids.iterator().next()).processInstanceId()).isEqualTo(instanceId);
    assertThat(ended(instanceId)).isTrue();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey + "-other")
                .count())
        .isEqualTo(1);
  }

  @Test
  void binaryModeWorks() throws Exception {
    String businessKey = newKey();
    String instanceId = waitingInstance(businessKey);

    HttpResponse<String> response =
        http.send(
            "/api/events",
            MEETING_SYSTEM,
            "demo",
            "application/json",
            "{\"body\":\"kaupunginhallitus\",\"date\":\"2026-11-28\","
                + "\"outcome\":\"REJECTED\"}",
            "ce-specversion",
            "1.0",
            "ce-id",
            UUID.randomUUID().toString(),
            "ce-source",
            "/dynasty",
            "ce-type",
            "fi.muutos.decision.made",
            "ce-subject",
            businessKey);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(json.readTree(response.body()).path("status").asText()).isEqualTo("CORRELATED");
    assertThat(historicVariable(instanceId, "decisionOutcome")).isEqualTo("REJECTED");
  }

  @Test
  void batchModeTakesEachEventWithItsOwnOutcome() throws Exception {
    String businessKey = newKey();
    waitingInstance(businessKey);
    String batch =
        "["
            + decision(UUID.randomUUID().toString(), businessKey, "APPROVED")
            + ","
            + "{\"specversion\":\"1.0\",\"id\":\""
            + UUID.randomUUID()
            + "\",\"source\":\"/x\","
            + "\"type\":\"fi.muutos.not.routed\"}]";

    // an unknown type from an account allowed to send it: only an administrator is
    HttpResponse<String> response =
        http.post("/api/events", "admin", "demo", "application/cloudevents-batch+json", batch);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode outcomes = json.readTree(response.body());
    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(0).path("status").asText()).isEqualTo("CORRELATED");
    assertThat(outcomes.get(1).path("status").asText()).isEqualTo("REJECTED");
  }

  @Test
  void anUnknownTypeIs422AndStoredAsRejectedWithTheReason() throws Exception {
    String eventId = UUID.randomUUID().toString();
    HttpResponse<String> response =
        http.post(
            "/api/events",
            "admin",
            "demo",
            STRUCTURED,
            "{\"specversion\":\"1.0\",\"id\":\""
                + eventId
                + "\",\"source\":\"/court\",\"type\":"
                + "\"fi.example.unknown\",\"subject\":\"X\"}");

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode outcome = json.readTree(response.body());
    assertThat(outcome.path("status").asText()).isEqualTo("REJECTED");
    assertThat(outcome.path("reason").asText()).contains("fi.example.unknown");
    assertThat(http.get("/api/events/" + outcome.path("id").asText(), "admin", "demo").body())
        .contains("REJECTED");
  }

  @Test
  void invalidInputIs400AndStoresNothing() throws Exception {
    String eventId = "invalid-" + UUID.randomUUID();
    List<String[]> cases =
        List.of(
            new String[] {"application/json", "{\"not\":\"an event\"}"},
            new String[] {STRUCTURED, "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\"}"},
            new String[] {STRUCTURED, "not json at all"},
            new String[] {STRUCTURED, decision(eventId, newKey(), "MAYBE")},
            new String[] {STRUCTURED, decision(eventId, null, "APPROVED")},
            new String[] {"application/cloudevents-batch+json", "[]"},
            new String[] {
              "application/cloudevents-batch+json",
              "[" + decision(eventId, newKey(), "APPROVED") + ",{\"specversion\":\"1.0\"}]"
            });
    for (String[] c : cases) {
      HttpResponse<String> response = post(c[0], c[1]);
      assertThat(response.statusCode()).as(c[1]).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("application/problem+json");
    }
    assertThat(
            jdbc.sql("select count(*) from mu_inbound_event where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void onlyIntegrationsPostAndOnlyAdminsList() {
    String event = decision(UUID.randomUUID().toString(), newKey(), "APPROVED");
    assertThat(http.post("/api/events", "kaavoittaja", "demo", STRUCTURED, event).statusCode())
        .isEqualTo(403);
    assertThat(http.get("/api/events")).extracting(HttpResponse::statusCode).isEqualTo(401);
    assertThat(http.get("/api/events", MEETING_SYSTEM, "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/events", "admin", "demo").statusCode()).isEqualTo(200);
  }

  // --- helpers ------------------------------------------------------------------------------

  private HttpResponse<String> post(String contentType, String body) {
    return http.post("/api/events", MEETING_SYSTEM, "demo", contentType, body);
  }

  static String decision(String id, String subject, String outcome) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + id
        + "\",\"source\":\"/dynasty\","
        + "\"type\":\"fi.muutos.decision.made\","
        + (subject == null ? "" : "\"subject\":\"" + subject + "\",")
        + "\"datacontenttype\":\"application/json\",\"data\":{\"body\":\"kaupunginvaltuusto\","
        + "\"section\":\"§ 12\",\"date\":\"2026-11-27\",\"outcome\":\""
        + outcome
        + "\"}}";
  }

  private String waitingInstance(String businessKey) {
    String instanceId = runtimeService.startProcessInstanceByKey(PROCESS, businessKey).getId();
    completeTask(instanceId);
    return instanceId;
  }

  private void completeTask(String instanceId) {
    taskService.complete(
        taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId());
  }

  private boolean ended(String instanceId) {
    return historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceId(instanceId)
            .finished()
            .count()
        == 1;
  }

  private Object historicVariable(String instanceId, String name) {
    return historyService
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId)
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private static String newKey() {
    return "ASIA-" + UUID.randomUUID();
  }
}
