package fi.muutos.evaluation;

import static fi.muutos.evaluation.EvaluationProcess.Elements.ANSWER_SURVEY;
import static fi.muutos.evaluation.EvaluationProcess.Elements.EDIT_SYNTHESIS;
import static fi.muutos.evaluation.EvaluationProcess.Elements.PRESENTATION;
import static fi.muutos.evaluation.EvaluationProcess.Elements.RECORD_INTERVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.evaluation.StrategyEvaluationProcedure.Respondent;
import fi.muutos.evaluation.StrategyEvaluationProcedure.StartEvaluation;
import fi.muutos.evaluation.StrategyEvaluationProcedure.Started;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The strategy evaluation on the real engine and PostgreSQL, with Heinola's objectives. */
@IntegrationTest
class StrategyEvaluationProcessTest {

  @LocalServerPort int port;
  @Autowired StrategyEvaluationProcedure procedure;
  @Autowired Evaluations evaluations;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired ObjectMapper json;

  static final List<Respondent> RESPONDENTS =
      List.of(
          new Respondent("kaupunginjohtaja", "JOHTORYHMA"),
              new Respondent("talousjohtaja", "JOHTORYHMA"),
          new Respondent("hallintojohtaja", "VALTUUTETUT"),
              new Respondent("kirjaaja", "VALTUUTETUT"));

  @Test
  void aFullEvaluationRatesTheObjectivesAndLandsInTheStrategy() throws Exception {
    String key = "ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8);
    Started started = start(key);
    Task first = surveyTask("kaupunginjohtaja");
    try (InputStream form = formService.getDeployedTaskForm(first.getId())) {
      String text = new String(form.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text)
          .contains(
              "Osallisuuden toteutuminen",
              "rating_O_OSALLISUUS",
              "Dynaaminen ja uudistuva elinkeinoelämä");
    }
    answer(
        "kaupunginjohtaja",
        Map.of(
            "rating_O_OSALLISUUS",
            5,
            "rating_O_VELKAMAARA",
            2,
            "rating_O_TOIMIVA_ARKI",
            4,
            "comment_O_VELKAMAARA",
            "Velka kasvaa"));
    answer(
        "talousjohtaja",
        Map.of("rating_O_OSALLISUUS", 4, "rating_O_VELKAMAARA", 1, "rating_O_TOIMIVA_ARKI", 4));
    answer(
        "hallintojohtaja",
        Map.of(
            "rating_O_OSALLISUUS",
            5,
            "rating_O_VELKAMAARA",
            2,
            "rating_O_TOIMIVA_ARKI",
            3,
            "rating_O_HYVINVOINTI",
            2));
    answer(
        "kirjaaja",
        Map.of("rating_O_OSALLISUUS", 4, "rating_O_VELKAMAARA", 3, "rating_O_HYVINVOINTI", 3));

    EvaluationView closed = evaluations.find(started.evaluationId());
    assertThat(closed.responseRate()).isEqualByComparingTo("100.00");
    interview(started, "Kaupunginhallituksen puheenjohtaja", true);
    interview(started, "Toimialajohtaja", false);
    Task synthesis = task(started, EDIT_SYNTHESIS);
    String proposed = (String) taskService.getVariable(synthesis.getId(), "synthesis");
    assertThat(proposed).contains("Parhaiten toteutuneet: Osallisuuden toteutuminen (4.5)");
    taskService.complete(
        synthesis.getId(),
        new HashMap<>(
            Map.of(
                "synthesis",
                proposed,
                "followUpAreas",
                "Talouden tasapaino\nKaavoitusprosessien kehittäminen")));
    taskService.complete(
        task(started, PRESENTATION).getId(), new HashMap<>(Map.of("decisionDate", "2024-06-10")));

    EvaluationView view = evaluations.find(started.evaluationId());
    assertThat(view.stage()).isEqualTo(EvaluationStage.PUBLISHED);
    assertThat(view.interviews()).isEqualTo(2);
    assertThat(view.respondentsByGroup())
        .containsEntry("JOHTORYHMA", 2)
        .containsEntry("VALTUUTETUT", 2);
    var debt =
        view.results().stream()
            .filter(r -> r.objectiveCode().equals("O-VELKAMAARA"))
            .findFirst()
            .orElseThrow();
    assertThat(debt.mean()).isEqualTo(2.0);
    assertThat(debt.meanByGroup())
        .containsEntry("JOHTORYHMA", 1.5)
        .containsEntry("VALTUUTETUT", 2.5);
    assertThat(debt.verdict()).isEqualTo("WEAKEST_REALISED");

    // the strategy now shows the ratings next to the objective, by group, without names
    HttpTestClient http = new HttpTestClient(port);
    String body = http.get("/api/strategy", "kaupunginjohtaja", "demo").body();
    JsonNode strategy = json.readTree(body);
    JsonNode ratings = null;
    for (JsonNode goal : strategy.path("goals")) {
      for (JsonNode objective : goal.path("objectives")) {
        if (objective.path("code").asText().equals("O-VELKAMAARA")) {
          ratings = objective.path("ratings");
        }
      }
    }
    assertThat(ratings).isNotNull();
    assertThat(ratings.toString())
        .contains(key, "\"meanScore\":2.0", "\"respondentGroup\":\"JOHTORYHMA\"");
    assertThat(http.get("/public/strategy").body())
        .contains(key)
        .doesNotContain("talousjohtaja", "kirjaaja\"");
    assertThat(body).contains("Kaavoitusprosessien kehittäminen");
  }

  @Test
  void theSurveyClosesAtItsDeadlineWithAnswersMissing() {
    Started started = start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    answer("kaupunginjohtaja", Map.of("rating_O_OSALLISUUS", 3));

    Job deadline =
        managementService
            .createJobQuery()
            .processInstanceId(started.processInstanceId())
            .timers()
            .singleResult();
    managementService.executeJob(deadline.getId());

    EvaluationView view = evaluations.find(started.evaluationId());
    assertThat(view.responseRate()).isEqualByComparingTo("25.00");
    assertThat(view.answeredByGroup())
        .containsEntry("JOHTORYHMA", 1)
        .doesNotContainKey("VALTUUTETUT");
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(started.processInstanceId())
                .taskDefinitionKey(ANSWER_SURVEY)
                .count())
        .isZero();
    assertThat(task(started, RECORD_INTERVIEW)).isNotNull();
  }

  @Test
  void aRatingOutsideTheScaleIsNotAccepted() {
    start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    assertThatThrownBy(() -> answer("kaupunginjohtaja", Map.of("rating_O_OSALLISUUS", 7)))
        .hasMessageContaining("1–5");
  }

  private Started start(String key) {
    Started started =
        procedure.start(
            new StartEvaluation(
                "Väliarviointi " + key,
                "Konsultti Oy",
                LocalDate.now().plusDays(30),
                RESPONDENTS,
                key));
    Job prepare =
        managementService
            .createJobQuery()
            .processInstanceId(started.processInstanceId())
            .singleResult();
    managementService.executeJob(prepare.getId());
    this.instanceId = started.processInstanceId();
    return started;
  }

  private String instanceId;

  private Task surveyTask(String user) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instanceId)
        .taskDefinitionKey(ANSWER_SURVEY)
        .taskAssignee(user)
        .singleResult();
  }

  private void answer(String user, Map<String, Object> values) {
    taskService.complete(surveyTask(user).getId(), new HashMap<>(values));
  }

  private void interview(Started started, String role, boolean more) {
    taskService.complete(
        task(started, RECORD_INTERVIEW).getId(),
        new HashMap<>(
            Map.of(
                "intervieweeRole",
                role,
                "interviewSummary",
                "Muutosohjelma etenee",
                "moreInterviews",
                more)));
  }

  private Task task(Started started, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(started.processInstanceId())
        .taskDefinitionKey(key)
        .singleResult();
  }
}
