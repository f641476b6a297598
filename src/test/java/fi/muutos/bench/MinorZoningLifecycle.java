package fi.muutos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fi.muutos.bench.BenchClient.BenchFailure;
import fi.muutos.testing.ZoningSteps;
import fi.muutos.zoning.ZoningPlanProcess.Elements;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One minor detailed-plan change from start to legal force, over HTTP as its users and systems do
 * it: the planner and the registry complete their tasks with the values their forms set (through
 * {@code /engine-rest}, as Tasklist does), the decision arrives as a CloudEvent from the meeting
 * system, and every tenth plan is appealed and the appeal dismissed. The walk registers a plan's
 * earlier acts, so its periods (display, the board's take-over window, appeal) have ended: their
 * timers are due when reached and the job executor fires them, as it runs the asynchronous measure
 * updates. A lifecycle ends when the instance has completed.
 */
final class MinorZoningLifecycle {

  static final String PLANNER = "kaavoittaja";
  static final String REGISTRY = "kirjaaja";
  static final String MEETING_SYSTEM = "kokousjarjestelma";
  static final String CASE_MANAGEMENT = "asianhallinta";
  static final String OPERATOR = "admin";
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String REASON = "Vertailuajo: aiemmin tehdyt toimet kirjataan jälkikäteen";

  private final BenchClient client;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  MinorZoningLifecycle(BenchClient client) {
    this.client = client;
  }

  void run(int i) throws Exception {
    // the walk registers a plan's earlier acts: its dates lie in the past, each with its reason
    LocalDate start = LocalDate.now().minusDays(300);
    JsonNode started =
        client.call(
            "POST",
            "/api/zoning/plans",
            PLANNER,
            BenchClient.JSON,
            BenchClient.json(
                Map.of(
                    "name",
                    "Benchmark-asemakaavan muutos " + run + "-" + i,
                    "type",
                    "MINOR_DETAILED_PLAN_CHANGE",
                    "significant",
                    false,
                    "areaDescription",
                    "Keskusta, kortteli " + i)),
            201);
    String instance = started.path("processInstanceId").asText();
    String key = started.path("businessKey").asText();

    complete(
        instance, Elements.ANNOUNCE_INITIATION, PLANNER, ZoningSteps.announce(start.toString()));
    // no statement round: its events would race the period timers, which the job executor fires
    // at once here (the dates lie in the past), and lose to them (docs/benchmarks.md)
    complete(
        instance,
        Elements.PREPARE_PROPOSAL,
        PLANNER,
        ZoningSteps.proposal(start.plusDays(21).toString(), ""));
    timer(instance, Elements.DISPLAY_ENDED);
    complete(
        instance, Elements.REPLY_TO_REMINDERS, PLANNER, fi.muutos.testing.ZoningSteps.reply(false));
    event(
        key,
        "fi.muutos.decision.made",
        Map.of(
            "body",
            "Hallintosäännön mukainen lautakunta",
            "date",
            start.plusDays(40).toString(),
            "outcome",
            "APPROVED"));
    // after the board's take-over window (14 days); an appealed plan's notice is recent, so that
    // its appeal period is still open when the appeal arrives
    boolean appealed = i % 10 == 0;
    LocalDate today = LocalDate.now();
    LocalDate notice = appealed ? today.minusDays(10) : start.plusDays(61);
    complete(
        instance,
        Elements.PUBLISH_NOTICE,
        REGISTRY,
        Map.of(
            "noticeDate",
            notice.toString(),
            "notifiedElinvoimakeskus",
            true,
            "elinvoimakeskusNotifiedOn",
            notice.toString(),
            "notifiedRegionalCouncil",
            true,
            "notifiedReminderFilers",
            true,
            "backdatingReason",
            REASON));
    LocalDate inForce;
    if (appealed) {
      event(
          key,
          "fi.muutos.zoning.appeal.filed",
          Map.of("court", "Hämeenlinnan hallinto-oikeus", "date", today.minusDays(5).toString()));
      event(
          key,
          "fi.muutos.zoning.appeal.decided",
          Map.of("court", "KHO", "outcome", "UPHELD", "date", today.minusDays(1).toString()));
      inForce = today;
    } else {
      timer(instance, Elements.APPEAL_PERIOD_ENDED);
      complete(
          instance,
          Elements.CHECK_LEGAL_FORCE,
          REGISTRY,
          Map.of("appealsLodged", false, "legalForceCheck", "Hallinto-oikeus: ei valituksia"));
      inForce = start.plusDays(210);
    }
    complete(
        instance,
        Elements.ENTRY_INTO_FORCE_NOTICE,
        REGISTRY,
        Map.of("entryIntoForceDate", inForce.toString(), "backdatingReason", REASON));
    awaitCompleted(instance);
  }

  /** Completes the task at {@code taskKey} as {@code user}, waiting for it to exist first. */
  private void complete(String instance, String taskKey, String user, Map<String, Object> values)
      throws Exception {
    String path =
        "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + taskKey;
    JsonNode tasks =
        poll(
            () -> client.get(path, user),
            found -> found.size() > 0,
            "task " + taskKey + " of " + instance);
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            variables.put(
                name,
                Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String")));
    client.call(
        "POST",
        "/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
        user,
        BenchClient.JSON,
        BenchClient.json(Map.of("variables", variables)),
        204);
  }

  /**
   * An event from the system that sends its type in the demo set-up (decisions: the meeting system;
   * statements and appeals: case management); in this lifecycle a process always waits for it.
   */
  private void event(String subject, String type, Map<String, Object> data) throws Exception {
    boolean meeting = type.equals("fi.muutos.decision.made");
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("specversion", "1.0");
    event.put("id", UUID.randomUUID().toString());
    event.put("source", meeting ? "/dynasty/benchmark" : "/asianhallinta/benchmark");
    event.put("type", type);
    event.put("subject", subject);
    event.put("datacontenttype", "application/json");
    event.put("data", data);
    JsonNode outcome =
        client.call(
            "POST",
            "/api/events",
            meeting ? MEETING_SYSTEM : CASE_MANAGEMENT,
            BenchClient.CLOUDEVENT,
            BenchClient.json(event),
            202);
    if (!"CORRELATED".equals(outcome.path("status").asText())) {
      throw new BenchFailure(type + " for " + subject + " was not taken: " + outcome);
    }
  }

  /**
   * Waits until the timer at {@code activityId} has fired: the walk's dates lie in the past, so
   * each timer is due as soon as it is reached and the job executor fires it.
   */
  private void timer(String instance, String activityId) throws Exception {
    poll(
        () ->
            client.get(
                "/engine-rest/history/activity-instance/count?processInstanceId="
                    + instance
                    + "&activityId="
                    + activityId
                    + "&finished=true",
                OPERATOR),
        found -> found.path("count").asLong() > 0,
        "timer " + activityId + " of " + instance);
  }

  private void awaitCompleted(String instance) throws Exception {
    poll(
        () -> client.get("/engine-rest/history/process-instance/" + instance, OPERATOR),
        found -> "COMPLETED".equals(found.path("state").asText()),
        "end of " + instance);
  }

  private static JsonNode poll(
      Query query, java.util.function.Predicate<JsonNode> ready, String what) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    long pause = 2;
    while (true) {
      JsonNode found = query.run();
      if (ready.test(found)) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new BenchFailure("waited " + PATIENCE + " for " + what + ": " + found);
      }
      Thread.sleep(pause);
      pause = Math.min(pause * 2, 50);
    }
  }

  @FunctionalInterface
  private interface Query {
    JsonNode run() throws Exception;
  }
}
