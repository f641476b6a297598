package fi.muutos.evaluation;

import static fi.muutos.evaluation.EvaluationProcess.Elements.ANSWER_SURVEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.muutos.evaluation.StartEvaluation.Respondent;
import fi.muutos.evaluation.StrategyEvaluationProcedure.Started;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attack of the December 2026 review (attacks S2, law review E1), repeated through every API a
 * non-administrator has: the evaluator's group (hallinto), the registry (kirjaamo) and management
 * (johtoryhma, who read everything in Cockpit), two of them respondents themselves, read everything
 * they may before and after one respondent's ballot. Nothing that tells whose ballot it was, or
 * what it said, may differ: only how many have answered.
 */
@IntegrationTest
class SurveySecrecyAttackTest {

  private static final String VICTIM = "talousjohtaja";
  private static final List<String> ATTACKERS =
      List.of("hallintojohtaja", "kirjaaja", "kaupunginjohtaja");
  private static final Set<String> COUNTERS =
      Set.of("nrOfCompletedInstances", "nrOfActiveInstances");

  @LocalServerPort int port;
  @Autowired StrategyEvaluationProcedure procedure;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  @Test
  void noApiANonAdministratorHasTellsWhoAnsweredOrWhat() throws Exception {
    String key = "ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8);
    Started started =
        procedure.start(
            new StartEvaluation(
                "Hyökkäyskoe " + key,
                "Konsultti Oy",
                LocalDate.now().plusDays(30),
                List.of(
                    new Respondent("kaupunginjohtaja", "JOHTORYHMA"),
                    new Respondent(VICTIM, "JOHTORYHMA"),
                    new Respondent("hallintojohtaja", "JOHTORYHMA")),
                key));
    String prepare =
        managementService
            .createJobQuery()
            .processInstanceId(started.processInstanceId())
            .singleResult()
            .getId();
    managementService.executeJob(prepare);
    HttpTestClient http = new HttpTestClient(port);
    String ballot =
        taskService
            .createTaskQuery()
            .processInstanceId(started.processInstanceId())
            .taskDefinitionKey(ANSWER_SURVEY)
            .taskAssignee(VICTIM)
            .singleResult()
            .getId();

    Map<String, List<String>> before = readEverything(http, started);
    var answered =
        http.postJson(
            "/engine-rest/task/" + ballot + "/complete",
            VICTIM,
            "demo",
            "{\"variables\":{\"rating_O_OSALLISUUS\":{\"value\":2,\"type\":\"Long\"},"
                + "\"comment_O_OSALLISUUS\":{\"value\":\"Heikosti\"}}}");
    assertThat(answered.statusCode()).as(answered.body()).isIn(200, 204);
    Map<String, List<String>> after = readEverything(http, started);

    // what differs: the counters and one ballot instance ended (its execution waits for the others
    // without an activity instance), whose ids nothing else names
    Set<String> gone = new HashSet<>();
    List<String> unexplained = new ArrayList<>();
    for (String read : before.keySet()) {
      List<String> removed = minus(before.get(read), after.get(read));
      List<String> added = minus(after.get(read), before.get(read));
      for (String record : concat(removed, added)) {
        if (isCounterOrParticipation(record)) {
          continue;
        }
        if (isBallotInstance(read, record)) {
          gone.addAll(ids(record));
          continue;
        }
        unexplained.add(read + " → " + record);
      }
    }
    assertThat(unexplained).as("differences that tell who answered or what").isEmpty();
    assertThat(gone).as("the ended ballot instance was seen").isNotEmpty();
    for (var read : before.entrySet()) {
      if (read.getKey().contains("activity-instances") || read.getKey().contains("/execution")) {
        continue;
      }
      for (String record : concat(read.getValue(), after.get(read.getKey()))) {
        assertThat(gone)
            .as("the ended ballot's execution named in " + read.getKey() + ": " + record)
            .noneMatch(record::contains);
      }
    }
    // the task itself was never readable by the others, before or after
    for (var read : concat(before.entrySet(), after.entrySet())) {
      assertThat(read.getValue())
          .as(read.getKey())
          .noneMatch(record -> record.contains(ballot) || record.contains("Heikosti"));
    }
    // the evaluator's group still sees its own work on the evaluation (its candidate tasks), only
    // not the ballots
    String hallintoTasks =
        http.get(
                "/engine-rest/task?processInstanceId=" + started.processInstanceId(),
                "hallintojohtaja",
                "demo")
            .body();
    assertThat(hallintoTasks).contains("userTask_recordInterview").doesNotContain(VICTIM);
    assertThat(
            http.get(
                    "/engine-rest/task?processInstanceId=" + started.processInstanceId(),
                    "kaupunginjohtaja",
                    "demo")
                .body())
        .as("a respondent sees their own ballot")
        .contains("\"assignee\":\"kaupunginjohtaja\"")
        .doesNotContain(VICTIM);
    // and the database keeps nothing that an administrator could link either
    assertThat(
            jdbc.sql(
                    """
                select (select count(*) from act_hi_taskinst where assignee_ = :u)
                     + (select count(*) from act_hi_actinst where assignee_ = :u)
                     + (select count(*) from act_hi_identitylink where user_id_ = :u)
                     + (select count(*) from act_hi_op_log where user_id_ = :u)
                     + (select count(*) from act_hi_varinst where text_ = :u)
                     + (select count(*) from act_hi_detail where text_ = :u)""")
                .param("u", VICTIM)
                .query(Long.class)
                .single())
        .as("history rows naming the respondent")
        .isZero();
  }

  /** Everything each attacker may read about the case, each response as a multiset of records. */
  private Map<String, List<String>> readEverything(HttpTestClient http, Started started)
      throws Exception {
    String pi = started.processInstanceId();
    long id = started.evaluationId();
    List<String> paths =
        List.of(
            "/api/evaluations/" + id,
            "/api/evaluations/" + id + "/comments",
            "/api/cases?q=" + started.businessKey(),
            "/api/cases/" + started.businessKey() + "/filings",
            "/api/strategy/process-instances/" + pi + "/measures",
            "/api/me/notifications",
            "/engine-rest/task?processInstanceId=" + pi,
            "/engine-rest/task?assignee=" + VICTIM,
            "/engine-rest/task/count",
            "/engine-rest/history/task?processInstanceId=" + pi,
            "/engine-rest/history/task?taskAssignee=" + VICTIM,
            "/engine-rest/history/activity-instance?processInstanceId=" + pi,
            "/engine-rest/history/identity-link-log?userId=" + VICTIM,
            "/engine-rest/history/identity-link-log?processDefinitionKey=" + EvaluationProcess.KEY,
            "/engine-rest/history/user-operation?processInstanceId=" + pi,
            "/engine-rest/history/user-operation?userId=" + VICTIM,
            "/engine-rest/history/variable-instance?processInstanceId=" + pi,
            "/engine-rest/history/detail?processInstanceId=" + pi,
            "/engine-rest/history/job-log?processInstanceId=" + pi,
            "/engine-rest/history/process-instance/" + pi,
            "/engine-rest/variable-instance?processInstanceIdIn=" + pi,
            "/engine-rest/execution?processInstanceId=" + pi,
            "/engine-rest/process-instance/" + pi + "/activity-instances",
            "/engine-rest/authorization?resourceType=7",
            "/engine-rest/job?processInstanceId=" + pi);
    Map<String, List<String>> reads = new LinkedHashMap<>();
    for (String attacker : ATTACKERS) {
      for (String path : paths) {
        var response = http.get(path, attacker, "demo");
        List<String> records = new ArrayList<>();
        records.add("status " + response.statusCode());
        String body = response.body();
        if (body != null && !body.isBlank()) {
          try {
            flatten("", json.readTree(body), records);
          } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            records.add(body);
          }
        }
        reads.put(attacker + " " + path, records);
      }
    }
    return reads;
  }

  /** A JSON value as records: each object's plain fields under its path, its nested ones below. */
  private void flatten(String path, JsonNode node, List<String> out) {
    if (node.isArray()) {
      node.forEach(element -> flatten(path + "[]", element, out));
    } else if (node.isObject()) {
      ObjectNode plain = json.createObjectNode();
      node.fields()
          .forEachRemaining(
              field -> {
                // a value's type information is part of the value's record
                if (field.getValue().isContainerNode() && !field.getKey().equals("valueInfo")) {
                  flatten(path + "." + field.getKey(), field.getValue(), out);
                } else {
                  plain.set(field.getKey(), field.getValue());
                }
              });
      out.add(path + " " + plain);
    } else {
      out.add(path + " " + node);
    }
  }

  private static boolean isCounterOrParticipation(String record) {
    return record.startsWith(".answeredByGroup ")
        || record.startsWith(".participation")
        || COUNTERS.stream()
            .anyMatch(
                name ->
                    record.contains("\"name\":\"" + name + "\"")
                        || record.contains("\"variableName\":\"" + name + "\""));
  }

  private static boolean isBallotInstance(String read, String record) {
    return (read.contains("activity-instances")
            && (record.contains("\"activityId\":\"" + ANSWER_SURVEY + "\"")
                || record.contains(".executionIds[]")))
        || (read.contains("/execution?") && record.startsWith("[] "));
  }

  private Set<String> ids(String record) throws Exception {
    Set<String> ids = new HashSet<>();
    String value = record.substring(record.indexOf(' ') + 1);
    JsonNode node = json.readTree(value);
    if (node.isTextual()) {
      ids.add(node.asText());
    } else {
      for (String field : List.of("id", "executionId")) {
        if (node.hasNonNull(field)) {
          ids.add(node.get(field).asText());
        }
      }
    }
    return ids;
  }

  private static List<String> minus(List<String> from, List<String> taken) {
    List<String> rest = new ArrayList<>(from);
    taken.forEach(rest::remove);
    return rest;
  }

  private static <T> List<T> concat(
      java.util.Collection<? extends T> first, java.util.Collection<? extends T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
