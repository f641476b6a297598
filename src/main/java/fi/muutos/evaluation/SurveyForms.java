package fi.muutos.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.strategy.StrategyReads.GoalRef;
import fi.muutos.strategy.StrategyReads.ObjectiveRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * The survey form of an evaluation: a Camunda Form generated for the strategy's goals and
 * objectives (a rating 1–5 and an optional comment for each), deployed so that the survey tasks can
 * reference it.
 */
@Component
class SurveyForms {

  private final RepositoryService repositoryService;
  private final ObjectMapper json;

  SurveyForms(RepositoryService repositoryService, ObjectMapper json) {
    this.repositoryService = repositoryService;
    this.json = json;
  }

  /** The variable key of an objective's rating in the generated survey form. */
  static String ratingKey(String objectiveCode) {
    return "rating_" + objectiveCode.replace('-', '_');
  }

  /** The variable key of an objective's comment in the generated survey form. */
  static String commentKey(String objectiveCode) {
    return "comment_" + objectiveCode.replace('-', '_');
  }

  /** The variable key of a goal's rating in the generated survey form. */
  static String goalRatingKey(String goalCode) {
    return "goalRating_" + goalCode.replace('-', '_');
  }

  /** The variable key of a goal's comment in the generated survey form. */
  static String goalCommentKey(String goalCode) {
    return "goalComment_" + goalCode.replace('-', '_');
  }

  /** Generates and deploys the survey form of the evaluation; returns its form id. */
  String deploy(String businessKey, List<GoalRef> goals, List<ObjectiveRef> objectives) {
    String formId = "evaluationSurvey_" + businessKey.replaceAll("[^A-Za-z0-9]", "_");
    try {
      repositoryService
          .createDeployment()
          .name("evaluation-survey-" + businessKey)
          .source("muutos-evaluation")
          .addString(formId + ".form", json.writeValueAsString(form(formId, goals, objectives)))
          .deploy();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return formId;
  }

  private static Map<String, Object> form(
      String formId, List<GoalRef> goals, List<ObjectiveRef> objectives) {
    List<Map<String, Object>> components = new ArrayList<>();
    components.add(
        Map.of(
            "id",
            "text_intro",
            "type",
            "text",
            "text",
            "## Strategian arviointi\nArvioi, miten kukin päämäärä ja tavoite on toteutunut (1 ="
                + " heikosti, 5 = erinomaisesti). Voit jättää kohdan arvioimatta. Vastauksesi on"
                + " salainen: sitä ei tallenneta nimelläsi eikä kukaan muu vastaaja näe sitä;"
                + " tulokset julkaistaan vain ryhmittäin, eikä niin pienestä ryhmästä, että"
                + " vastaaja tunnistuisi."));
    if (!goals.isEmpty()) {
      components.add(Map.of("id", "text_goals", "type", "text", "text", "### Päämäärät"));
    }
    for (GoalRef goal : goals) {
      components.add(rating(goalRatingKey(goal.code()), goal.name()));
      components.add(comment(goalCommentKey(goal.code())));
    }
    components.add(Map.of("id", "text_objectives", "type", "text", "text", "### Tavoitteet"));
    for (ObjectiveRef objective : objectives) {
      components.add(rating(ratingKey(objective.code()), objective.name()));
      components.add(comment(commentKey(objective.code())));
    }
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("executionPlatform", "Camunda Platform");
    form.put("executionPlatformVersion", "7.24.0");
    form.put("schemaVersion", 16);
    form.put("id", formId);
    form.put("type", "default");
    form.put("components", components);
    return form;
  }

  private static Map<String, Object> rating(String key, String name) {
    return Map.of(
        "id",
        "field_" + key,
        "key",
        key,
        "type",
        "number",
        "label",
        name + " (1–5)",
        "validate",
        Map.of("min", 1, "max", 5));
  }

  private static Map<String, Object> comment(String key) {
    return Map.of(
        "id",
        "field_" + key,
        "key",
        key,
        "type",
        "textfield",
        "label",
        "Perustelu (vapaaehtoinen)",
        "validate",
        Map.of("maxLength", 2000));
  }
}
