package fi.muutos.evaluation;

import static fi.muutos.evaluation.EvaluationProcess.Elements.ANSWER_SURVEY;
import static fi.muutos.evaluation.EvaluationProcess.Elements.EDIT_SYNTHESIS;
import static fi.muutos.evaluation.EvaluationProcess.Elements.PRESENTATION;
import static fi.muutos.evaluation.EvaluationProcess.Elements.RECORD_INTERVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.evaluation.EvaluationResults.ItemResult;
import fi.muutos.evaluation.StartEvaluation.Respondent;
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
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The strategy evaluation on the real engine and PostgreSQL, with Heinola's goals and objectives;
 * the tests named after a rule check that rule (issue 18).
 */
@IntegrationTest
class StrategyEvaluationProcessTest {

  @LocalServerPort int port;
  @Autowired StrategyEvaluationProcedure procedure;
  @Autowired Evaluations evaluations;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired ObjectMapper json;
  @Autowired fi.muutos.testing.ProcessDriver driver;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /** Three in the management group, two councillors and one of a group of one. */
  static final List<Respondent> RESPONDENTS =
      List.of(
          new Respondent("kaupunginjohtaja", "JOHTORYHMA"),
          new Respondent("talousjohtaja", "JOHTORYHMA"),
          new Respondent("hallintojohtaja", "JOHTORYHMA"),
          new Respondent("kirjaaja", "VALTUUTETUT"),
          new Respondent("kaavoittaja", "VALTUUTETUT"),
          new Respondent("henkilostopaallikko", "HENKILOSTO"));

  @Test
  void aFullEvaluationRatesGoalsAndObjectivesAndLandsInTheStrategy() throws Exception {
    String key = "ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8);
    Started started = start(key);
    Task first = surveyTask("kaupunginjohtaja");
    try (InputStream form = formService.getDeployedTaskForm(first.getId())) {
      String text = new String(form.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text)
          .contains(
              "Vahva kaupunkiyhteisö",
              "goalRating_G_KAUPUNKIYHTEISO",
              "Osallisuuden toteutuminen",
              "rating_O_OSALLISUUS",
              "Dynaaminen ja uudistuva elinkeinoelämä");
    }
    answerAll();
    assertThat(evaluations.find(started.evaluationId()).responseRate())
        .isEqualByComparingTo("100.00");
    interview(started, "Kaupunginhallituksen puheenjohtaja", true);
    interview(started, "Toimialajohtaja", false);

    Task synthesis = task(started, EDIT_SYNTHESIS);
    String proposed = (String) taskService.getVariable(synthesis.getId(), "synthesis");
    assertThat(proposed)
        .contains("Päämääristä parhaiten toteutuneet: Vahva kaupunkiyhteisö")
        .contains("Tavoitteista parhaiten toteutuneet: Osallisuuden toteutuminen (4,5)");
    assertThat(taskService.getVariable(synthesis.getId(), "weakestObjectives"))
        .asString()
        .contains("O-VELKAMAARA");
    taskService.complete(
        synthesis.getId(),
        new HashMap<>(
            Map.of(
                "synthesis",
                proposed,
                "bestGoals",
                List.of("G-KAUPUNKIYHTEISO", "G-KESTAVA-TALOUS"),
                "weakestGoals",
                List.of(),
                "bestObjectives",
                List.of("O-OSALLISUUS", "O-TOIMIVA-ARKI"),
                "weakestObjectives",
                List.of("O-VELKAMAARA"),
                "successes",
                "Muutosohjelman käynnistäminen\nLadeciin liittymispäätös",
                "followUpAreas",
                "Talouden tasapaino\nKaavoitusprosessien kehittäminen")));
    taskService.complete(
        task(started, PRESENTATION).getId(), new HashMap<>(Map.of("decisionDate", "2024-06-10")));

    EvaluationView view = evaluations.find(started.evaluationId());
    assertThat(view.stage()).isEqualTo(EvaluationStage.PUBLISHED);
    assertThat(view.interviews()).isEqualTo(2);
    assertThat(view.successes())
        .containsExactly("Muutosohjelman käynnistäminen", "Ladeciin liittymispäätös");
    assertThat(view.respondentsByGroup())
        .containsEntry("JOHTORYHMA", 3)
        .containsEntry("VALTUUTETUT", 2);
    ItemResult debt = result(view, "O-VELKAMAARA");
    assertThat(debt.mean()).isEqualTo(2.0);
    // the councillors (2) and the group of one are merged: no figure from fewer than 3
    assertThat(debt.meanByGroup())
        .containsOnlyKeys("JOHTORYHMA", EvaluationResults.OTHERS)
        .containsEntry("JOHTORYHMA", 1.67)
        .containsEntry(EvaluationResults.OTHERS, 2.33);
    assertThat(view.goalResults())
        .filteredOn(g -> g.code().equals("G-KAUPUNKIYHTEISO"))
        .singleElement()
        .satisfies(g -> assertThat(g.responses()).isEqualTo(6));

    // the strategy shows the ratings next to the goal and objective, by group, without names
    HttpTestClient http = new HttpTestClient(port);
    String body = http.get("/api/strategy", "kaupunginjohtaja", "demo").body();
    JsonNode strategy = json.readTree(body);
    JsonNode objectiveRatings = null;
    JsonNode goalRatings = null;
    for (JsonNode goal : strategy.path("goals")) {
      if (goal.path("code").asText().equals("G-KESTAVA-TALOUS")) {
        goalRatings = goal.path("ratings");
      }
      for (JsonNode objective : goal.path("objectives")) {
        if (objective.path("code").asText().equals("O-VELKAMAARA")) {
          objectiveRatings = objective.path("ratings");
        }
      }
    }
    assertThat(objectiveRatings.toString())
        .contains(
            key, "\"meanScore\":2.0", "\"respondentGroup\":\"JOHTORYHMA\"", "WEAKEST_REALISED")
        .contains("\"respondentGroup\":\"MUUT\"")
        .doesNotContain(
            "\"respondentGroup\":\"VALTUUTETUT\"", "\"respondentGroup\":\"HENKILOSTO\"");
    assertThat(goalRatings.toString()).contains(key, "BEST_REALISED");
    String published = http.get("/public/strategy").body();
    assertThat(published)
        .contains(key)
        .doesNotContain(
            "talousjohtaja",
            "kirjaaja\"",
            "\"respondentGroup\":\"HENKILOSTO\"",
            "\"respondentGroup\":\"VALTUUTETUT\"");
    assertThat(body).contains("Kaavoitusprosessien kehittäminen", "Ladeciin liittymispäätös");
  }

  // --- 1. answers are secret -------------------------------------------------------------------

  @Test
  void answersAreSecretFromOtherRespondentsAndFromTheEnginesHistory() throws Exception {
    Started started = start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    answer("kaupunginjohtaja", Map.of("rating_O_OSALLISUUS", 5, "comment_O_OSALLISUUS", "Hyvä"));

    // the next respondent's form shows nothing of the first's answer, nor does the process
    Task next = surveyTask("talousjohtaja");
    assertThat(formService.getTaskFormVariables(next.getId()).keySet())
        .noneMatch(name -> name.startsWith("rating_") || name.startsWith("comment_"));
    assertThat(runtimeService.getVariables(started.processInstanceId()).keySet())
        .noneMatch(name -> name.startsWith("rating_") || name.startsWith("comment_"));
    HttpTestClient http = new HttpTestClient(port);
    var formVariables =
        http.get("/engine-rest/task/" + next.getId() + "/form-variables", "talousjohtaja", "demo");
    assertThat(formVariables.statusCode()).isEqualTo(200);
    assertThat(formVariables.body()).doesNotContain("rating_", "Hyvä");
    // a respondent who answers through the engine REST API is kept as secret
    var submitted =
        http.postJson(
            "/engine-rest/task/" + next.getId() + "/submit-form",
            "talousjohtaja",
            "demo",
            "{\"variables\":{\"rating_O_OSALLISUUS\":{\"value\":4,\"type\":\"Long\"},"
                + "\"comment_O_OSALLISUUS\":{\"value\":\"Kohtalainen\"}}}");
    assertThat(submitted.statusCode()).as(submitted.body()).isIn(200, 204);

    // the engine's history holds no answer, so none is tied to the person who completed the task
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(started.processInstanceId())
                .variableNameLike("%rating%")
                .count())
        .isZero();
    assertThat(
            historyService
                .createHistoricDetailQuery()
                .processInstanceId(started.processInstanceId())
                .list()
                .stream()
                .map(
                    detail ->
                        detail
                                instanceof
                                org.camunda.bpm.engine.history.HistoricVariableUpdate update
                            ? update.getVariableName()
                            : ((org.camunda.bpm.engine.history.HistoricFormField) detail)
                                .getFieldId())
                .filter(name -> name.startsWith("rating_") || name.startsWith("comment_")))
        .as("neither variable updates nor submitted form fields in the history")
        .isEmpty();
    // both answers were counted, for the respondents' group (read from the tallies: nobody sees a
    // result while the survey is open)
    assertThat(counted(started, "O-OSALLISUUS")).isEqualTo(2);
    EvaluationView open = evaluations.find(started.evaluationId());
    assertThat(open.resultsShown()).isFalse();
    assertThat(open.results()).isEmpty();
    assertThat(open.goalResults()).isEmpty();
  }

  @Test
  void aBallotIsItsRespondentsAloneAdministratorsIncluded() {
    start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    Task ballot = surveyTask("talousjohtaja");
    HttpTestClient http = new HttpTestClient(port);
    var completed =
        http.postJson(
            "/engine-rest/task/" + ballot.getId() + "/complete",
            "admin",
            "demo",
            "{\"variables\":{\"rating_O_OSALLISUUS\":{\"value\":1,\"type\":\"Long\"}}}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(403);
    assertThat(completed.body()).contains("Vain vastaaja itse");
    var reassigned =
        http.postJson(
            "/engine-rest/task/" + ballot.getId() + "/assignee",
            "admin",
            "demo",
            "{\"userId\":\"admin\"}");
    assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(403);
    var delegated =
        http.postJson(
            "/engine-rest/task/" + ballot.getId() + "/delegate",
            "talousjohtaja",
            "demo",
            "{\"userId\":\"kaupunginjohtaja\"}");
    assertThat(delegated.statusCode()).as(delegated.body()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(ballot.getId()).singleResult().getAssignee())
        .isEqualTo("talousjohtaja");
    assertThat(counted(ballotsCase(), "O-OSALLISUUS")).isZero();
  }

  private Started ballotsCase() {
    var instance =
        runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    return new Started(
        evaluations.idOf(instance.getBusinessKey()), instance.getBusinessKey(), instanceId);
  }

  @Test
  void nothingButParticipationChangesVisiblyBetweenTwoBallots() throws Exception {
    Started started = start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    var before =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.valueToTree(evaluations.find(started.evaluationId()));
    answer("kaupunginjohtaja", Map.of("rating_O_OSALLISUUS", 5, "rating_O_VELKAMAARA", 1));
    var after =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.valueToTree(evaluations.find(started.evaluationId()));
    // the only difference: one more has answered in the group (which Tasklist shows anyway)
    assertThat(after.path("answeredByGroup").path("JOHTORYHMA").asInt())
        .isEqualTo(before.path("answeredByGroup").path("JOHTORYHMA").asInt() + 1);
    before.remove("answeredByGroup");
    after.remove("answeredByGroup");
    assertThat(after).isEqualTo(before);
  }

  @Test
  void theTalliesExistBeforeTheFirstBallotSoTheirOrderSaysNothing() {
    Started started = start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    List<Long> ids =
        jdbc.sql("select id from mu_eval_tally where eval_id = ? order by id")
            .param(started.evaluationId())
            .query(Long.class)
            .list();
    assertThat(ids).as("every group × item × rating, made at the start").isNotEmpty();
    answer("kaupunginjohtaja", Map.of("rating_O_OSALLISUUS", 5));
    assertThat(
            jdbc.sql("select id from mu_eval_tally where eval_id = ? order by id")
                .param(started.evaluationId())
                .query(Long.class)
                .list())
        .as("a ballot adds to counts, never a row")
        .isEqualTo(ids);
  }

  private int counted(Started started, String objective) {
    return jdbc.sql(
            "select coalesce(sum(answers), 0) from mu_eval_tally where eval_id = ? and item_code = ?"
                + " and target = 'OBJECTIVE'")
        .params(started.evaluationId(), objective)
        .query(Integer.class)
        .single();
  }

  /**
   * Issue 35, E2: the evaluator reads the comments only after the survey closed, shuffled, and only
   * from groups large enough that nobody is recognised; no key, time or name comes with them.
   */
  @Test
  void theEvaluatorReadsTheCommentsShuffledOnlyAfterTheSurveyClosed() throws Exception {
    Started started = start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    assertThatThrownBy(() -> evaluations.comments(started.evaluationId()))
        .hasMessageContaining("Kysely on vielä auki");
    answerAll(
        Map.of(
            "talousjohtaja", Map.of("comment_O_OSALLISUUS", "Osallisuus näkyy"),
            "kaavoittaja", Map.of("comment_O_OSALLISUUS", "Pieni ryhmä")));
    assertThat(evaluations.comments(started.evaluationId()))
        .as("JOHTORYHMA has 3 respondents; VALTUUTETUT only 2")
        .extracting(SurveyComment::comment)
        .containsExactlyInAnyOrder("Velka kasvaa", "Osallisuus näkyy");
    assertThat(evaluations.comments(started.evaluationId()))
        .allSatisfy(c -> assertThat(c.respondentGroup()).isEqualTo("JOHTORYHMA"));
    var http = java.net.http.HttpClient.newHttpClient();
    for (String user : List.of("kaupunginjohtaja", "kirjaaja")) {
      var response =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(
                          "http://localhost:"
                              + port
                              + "/api/evaluations/"
                              + started.evaluationId()
                              + "/comments"))
                  .header(
                      "Authorization",
                      "Basic "
                          + java.util.Base64.getEncoder()
                              .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(user + " is not the evaluator's group").isEqualTo(403);
    }
  }

  @Test
  void aRespondentWhoLeavesAnItemUnratedStillCountsAndRatesNothingForIt() {
    Started started = start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    answer("kaupunginjohtaja", Map.of("rating_O_OSALLISUUS", 5, "rating_O_TOIMIVA_ARKI", 4));
    answer("talousjohtaja", Map.of("rating_O_OSALLISUUS", 4));
    answer("hallintojohtaja", Map.of("rating_O_OSALLISUUS", 3));
    answer("kirjaaja", Map.of());
    answer("kaavoittaja", Map.of());
    answer("henkilostopaallikko", Map.of()); // the last ballot closes the survey

    EvaluationView view = evaluations.find(started.evaluationId());
    assertThat(view.answeredByGroup())
        .containsEntry("JOHTORYHMA", 3)
        .containsEntry("VALTUUTETUT", 2);
    assertThat(view.resultsShown()).isTrue();
    assertThat(result(view, "O-OSALLISUUS").responses()).isEqualTo(3);
    // only the one who rated it: not the first respondent's rating again for the others
    assertThat(result(view, "O-TOIMIVA-ARKI").responses()).isEqualTo(1);
    assertThat(result(view, "O-TOIMIVA-ARKI").mean())
        .as("one answer is too few to publish")
        .isNull();
  }

  // --- 3. goals, the evaluator's verdicts, ties, interviews beside the survey, successes ------

  @Test
  void interviewsRunBesideTheSurvey() {
    Started started = start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    assertThat(task(started, RECORD_INTERVIEW)).isNotNull();
    interview(started, "Valtuuston puheenjohtaja", false);
    assertThat(task(started, EDIT_SYNTHESIS)).as("the survey is still open").isNull();
    answerAll();
    assertThat(task(started, EDIT_SYNTHESIS)).isNotNull();
  }

  /**
   * Issue 35 (R3 for every process): the meeting system's decision on the evaluation is the
   * council's handling only when the council made it; the board's own handling stays on the case.
   */
  @Test
  void onlyTheCouncilsHandlingPresentsTheEvaluation() {
    Started started = start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    answerAll();
    interview(started, "Toimialajohtaja", false);
    taskService.complete(
        task(started, EDIT_SYNTHESIS).getId(),
        new HashMap<>(Map.of("synthesis", "Arvioijan yhteenveto")));
    driver.send(
        "fi.muutos.decision.made",
        started.businessKey(),
        "{\"body\":\"Kaupunginhallitus\",\"outcome\":\"APPROVED\",\"date\":\"2024-06-03\"}");
    assertThat(task(started, PRESENTATION)).as("the board's handling").isNotNull();
    driver.send(
        "fi.muutos.decision.made",
        started.businessKey(),
        "{\"body\":\"Kaupunginvaltuusto\",\"outcome\":\"APPROVED\",\"date\":\"2024-06-10\"}");
    assertThat(task(started, PRESENTATION)).isNull();
    assertThat(evaluations.find(started.evaluationId()).stage())
        .isEqualTo(EvaluationStage.PUBLISHED);
  }

  @Test
  void theEvaluatorEditsTheProposedVerdictsWithinTheStrategysItems() {
    Started started = start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    answerAll();
    interview(started, "Toimialajohtaja", false);
    Task synthesis = task(started, EDIT_SYNTHESIS);
    assertThatThrownBy(
            () ->
                taskService.complete(
                    synthesis.getId(),
                    new HashMap<>(
                        Map.of(
                            "synthesis", "x",
                            "bestObjectives", List.of("O-VELKAMAARA"),
                            "weakestObjectives", List.of("O-VELKAMAARA")))))
        .hasMessageContaining("sekä parhaiten että heikoimmin");
    assertThatThrownBy(
            () ->
                taskService.complete(
                    synthesis.getId(),
                    new HashMap<>(Map.of("synthesis", "x", "bestGoals", List.of("G-EI-OLE")))))
        .hasMessageContaining("G-EI-OLE");

    // Tasklist submits a checklist as a JSON array: the evaluator's choice is what is published,
    // even an item too few rated to have a mean
    HttpTestClient http = new HttpTestClient(port);
    var completed =
        http.postJson(
            "/engine-rest/task/" + synthesis.getId() + "/submit-form",
            "hallintojohtaja",
            "demo",
            "{\"variables\":{\"synthesis\":{\"value\":\"Arvioijan yhteenveto\"},"
                + "\"bestObjectives\":{\"value\":\"[\\\"O-HYVINVOINTI\\\"]\",\"type\":\"Json\"},"
                + "\"weakestObjectives\":{\"value\":\"[]\",\"type\":\"Json\"},"
                + "\"successes\":{\"value\":\"Ladeciin liittyminen\"}}}");
    assertThat(completed.statusCode()).as(completed.body()).isIn(200, 204);
    taskService.complete(
        task(started, PRESENTATION).getId(), new HashMap<>(Map.of("decisionDate", "2024-06-10")));
    String strategy = http.get("/api/strategy", "kaupunginjohtaja", "demo").body();
    JsonNode wellbeing = null;
    try {
      for (JsonNode goal : json.readTree(strategy).path("goals")) {
        for (JsonNode objective : goal.path("objectives")) {
          if (objective.path("code").asText().equals("O-HYVINVOINTI")) {
            wellbeing = objective.path("ratings");
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    assertThat(wellbeing.toString()).contains(started.businessKey()).contains("BEST_REALISED");
    // two rated it, fewer than the minimum: the verdict is published, neither a mean nor a count
    int published = 0;
    for (JsonNode rating : wellbeing) {
      if (rating.path("evaluation").asText().equals(started.businessKey())) {
        published++;
        assertThat(rating.hasNonNull("meanScore")).as(rating.toString()).isFalse();
        assertThat(rating.path("responses").asInt()).isZero();
      }
    }
    assertThat(published).isEqualTo(1);
  }

  @Test
  void tiesAreShownAsTies() {
    Started started = start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    // never unanimous (a unanimous item has no published mean: review E4)
    for (int i = 0; i < RESPONDENTS.size(); i++) {
      answer(
          RESPONDENTS.get(i).userId(),
          Map.of(
              "rating_O_OSALLISUUS", 5 - i % 2,
              "rating_O_TOIMIVA_ARKI", 5 - i % 2,
              "rating_O_VELKAMAARA", 1 + i % 2));
    }
    interview(started, "Toimialajohtaja", false);
    String proposed =
        (String) taskService.getVariable(task(started, EDIT_SYNTHESIS).getId(), "synthesis");
    assertThat(proposed)
        .contains("Osallisuuden toteutuminen ja Toimiva arki (4,5, tasan)")
        .contains("Heikoimmin toteutuneet: Velkamäärän vähentäminen (1,5)");
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
    assertThat(view.responseRate()).isEqualByComparingTo("16.67");
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
  void theCloseSealsTheBallotsSoNoRowKeepsItsBallotsTransaction() {
    Started started = start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    answer("kaupunginjohtaja", Map.of("rating_O_OSALLISUUS", 3, "comment_O_OSALLISUUS", "Yksi"));
    answer("talousjohtaja", Map.of("rating_O_OSALLISUUS", 4, "comment_O_OSALLISUUS", "Kaksi"));
    String writers =
        """
        select count(distinct xmin::text) from (
          select xmin from mu_eval_comment where eval_id = :id
          union all select xmin from mu_eval_tally where eval_id = :id
          union all select xmin from mu_eval_respondent where eval_id = :id) rows""";
    assertThat(jdbc.sql(writers).param("id", started.evaluationId()).query(Long.class).single())
        .as("the start's and each ballot's transaction")
        .isGreaterThan(2);
    List<String> keys =
        jdbc.sql("select id from mu_eval_comment where eval_id = ?")
            .param(started.evaluationId())
            .query(String.class)
            .list();

    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(started.processInstanceId())
            .timers()
            .singleResult()
            .getId());

    assertThat(jdbc.sql(writers).param("id", started.evaluationId()).query(Long.class).single())
        .as("every row written by the close")
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select id from mu_eval_comment where eval_id = ?")
                .param(started.evaluationId())
                .query(String.class)
                .list())
        .hasSize(2)
        .doesNotContainAnyElementsOf(keys);
  }

  @Test
  void aRatingOutsideTheScaleIsNotAccepted() {
    start("ARVIOINTI-" + UUID.randomUUID().toString().substring(0, 8));
    assertThatThrownBy(() -> answer("kaupunginjohtaja", Map.of("rating_O_OSALLISUUS", 7)))
        .hasMessageContaining("1–5");
    assertThatThrownBy(() -> answer("kaupunginjohtaja", Map.of("goalRating_G_KESTAVA_TALOUS", 0)))
        .hasMessageContaining("1–5");
  }

  // --- driving -------------------------------------------------------------------------------

  private void answerAll() {
    answerAll(Map.of());
  }

  /** Every respondent answers; {@code extra} adds fields to a user's ballot. */
  private void answerAll(Map<String, Map<String, Object>> extra) {
    this.extra = extra;
    answer(
        "kaupunginjohtaja",
        Map.of(
            "goalRating_G_KAUPUNKIYHTEISO", 4,
            "goalRating_G_KESTAVA_TALOUS", 3,
            "rating_O_OSALLISUUS", 5,
            "rating_O_VELKAMAARA", 2,
            "rating_O_TOIMIVA_ARKI", 4,
            "comment_O_VELKAMAARA", "Velka kasvaa"));
    answer(
        "talousjohtaja",
        Map.of(
            "goalRating_G_KAUPUNKIYHTEISO", 4,
            "goalRating_G_KESTAVA_TALOUS", 3,
            "rating_O_OSALLISUUS", 4,
            "rating_O_VELKAMAARA", 1,
            "rating_O_TOIMIVA_ARKI", 4));
    answer(
        "hallintojohtaja",
        Map.of(
            "goalRating_G_KAUPUNKIYHTEISO", 5,
            "goalRating_G_KESTAVA_TALOUS", 3,
            "rating_O_OSALLISUUS", 5,
            "rating_O_VELKAMAARA", 2,
            "rating_O_TOIMIVA_ARKI", 3,
            "rating_O_HYVINVOINTI", 2));
    answer(
        "kirjaaja",
        Map.of(
            "goalRating_G_KAUPUNKIYHTEISO", 4,
            "goalRating_G_KESTAVA_TALOUS", 2,
            "rating_O_OSALLISUUS", 4,
            "rating_O_VELKAMAARA", 3,
            "rating_O_HYVINVOINTI", 3));
    answer(
        "kaavoittaja",
        Map.of(
            "goalRating_G_KAUPUNKIYHTEISO", 4,
            "goalRating_G_KESTAVA_TALOUS", 3,
            "rating_O_OSALLISUUS", 4,
            "rating_O_VELKAMAARA", 2,
            "rating_O_TOIMIVA_ARKI", 4));
    answer(
        "henkilostopaallikko",
        Map.of(
            "goalRating_G_KAUPUNKIYHTEISO", 4,
            "goalRating_G_KESTAVA_TALOUS", 3,
            "rating_O_OSALLISUUS", 5,
            "rating_O_VELKAMAARA", 2,
            "rating_O_TOIMIVA_ARKI", 4));
  }

  private static ItemResult result(EvaluationView view, String code) {
    return view.results().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
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

  private Map<String, Map<String, Object>> extra = Map.of();

  private void answer(String user, Map<String, Object> values) {
    Map<String, Object> ballot = new HashMap<>(values);
    ballot.putAll(extra.getOrDefault(user, Map.of()));
    taskService.complete(surveyTask(user).getId(), ballot);
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
