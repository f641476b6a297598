package fi.muutos.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.evaluation.EvaluationResults.Answer;
import fi.muutos.evaluation.EvaluationResults.ObjectiveResult;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.strategy.EvaluationRecord;
import fi.muutos.strategy.StrategyService;
import fi.muutos.strategy.StrategyService.ObjectiveRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Strategy evaluations: respondents and their groups, the survey form generated for the current
 * strategy's objectives, answers stored per group (never with a user id), interviews, the computed
 * synthesis, and publication of the results onto the strategy's objectives.
 */
@Service
public class Evaluations {

  /** The variable key of an objective's rating in the generated survey form. */
  static String ratingKey(String objectiveCode) {
    return "rating_" + objectiveCode.replace('-', '_');
  }

  static String commentKey(String objectiveCode) {
    return "comment_" + objectiveCode.replace('-', '_');
  }

  private final JdbcClient jdbc;
  private final StrategyService strategy;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final ObjectMapper json;
  private final Clock clock;

  Evaluations(
      JdbcClient jdbc,
      StrategyService strategy,
      RepositoryService repositoryService,
      IdentityService identityService,
      ObjectMapper json,
      Clock clock) {
    this.jdbc = jdbc;
    this.strategy = strategy;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Registers a starting evaluation. {@code respondents}: "userId:GROUP" pairs separated by commas;
   * each user must exist (they answer in Tasklist).
   */
  @Transactional
  public long register(
      String businessKey,
      String name,
      String evaluator,
      String surveyClosesOn,
      String respondents,
      String processInstanceId) {
    var existing =
        jdbc.sql("select id, process_instance_id from mu_eval where business_key = ?")
            .param(businessKey)
            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
            .optional();
    if (existing.isPresent()) {
      if (processInstanceId.equals(existing.get().getValue())) {
        return existing.get().getKey();
      }
      throw new DomainException(
          Kind.CONFLICT,
          "duplicate-business-key",
          "An evaluation with the business key " + businessKey + " exists already.");
    }
    if (name == null || name.isBlank()) {
      throw invalid("An evaluation needs a name.");
    }
    LocalDate closes;
    try {
      closes = LocalDate.parse(surveyClosesOn == null ? "" : surveyClosesOn.strip());
    } catch (DateTimeParseException e) {
      throw invalid("surveyClosesOn must be a date (YYYY-MM-DD), not '" + surveyClosesOn + "'.");
    }
    Map<String, String> groupByUser = respondents(respondents);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into mu_eval (business_key, name, evaluator, started_on, survey_closes_on, stage,
              process_instance_id, created_at) values (?, ?, ?, ?, ?, 'SURVEY', ?, ?)""")
        .params(
            businessKey,
            name.strip(),
            evaluator,
            LocalDate.now(clock),
            closes,
            processInstanceId,
            now())
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    groupByUser.forEach(
        (user, group) ->
            jdbc.sql(
                    "insert into mu_eval_respondent (eval_id, "
                        + "user_id, respondent_group, answered) values (?, ?, ?, false)")
                .params(id, user, group)
                .update());
    return id;
  }

  private Map<String, String> respondents(String text) {
    Map<String, String> groupByUser = new LinkedHashMap<>();
    for (String pair : text == null ? new String[0] : text.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] parts = pair.strip().split(":");
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw invalid("Respondents are 'userId:GROUP' pairs, not '" + pair.strip() + "'.");
      }
      String user = parts[0].strip();
      if (identityService.createUserQuery().userId(user).count() == 0) {
        throw invalid("The respondent " + user + " is not a user.");
      }
      groupByUser.put(user, parts[1].strip().toUpperCase(Locale.ROOT));
    }
    if (groupByUser.isEmpty()) {
      throw invalid("An evaluation needs respondents.");
    }
    return groupByUser;
  }

  /**
   * Generates the survey form for the current strategy's objectives (a rating 1–5 and a comment for
   * each) and deploys it; returns its form id, which the survey tasks reference.
   */
  @Transactional
  public String deploySurveyForm(long id) {
    String businessKey =
        jdbc.sql("select business_key from mu_eval where id = ?")
            .param(id)
            .query(String.class)
            .single();
    String formId = "evaluationSurvey_" + businessKey.replaceAll("[^A-Za-z0-9]", "_");
    List<Map<String, Object>> components = new ArrayList<>();
    components.add(
        Map.of(
            "id",
            "text_intro",
            "type",
            "text",
            "text",
            "## Strategian arviointi\nArvioi, miten kukin tavoite on toteutunut (1 = heikosti, "
                + "5 = erinomaisesti). Vastaukset käsitellään ryhmittäin, ei nimellä."));
    for (ObjectiveRef objective : strategy.objectives()) {
      components.add(
          Map.of(
              "id",
              "field_" + ratingKey(objective.code()),
              "key",
              ratingKey(objective.code()),
              "type",
              "number",
              "label",
              objective.name() + " (1–5)",
              "validate",
              Map.of("min", 1, "max", 5)));
      components.add(
          Map.of(
              "id",
              "field_" + commentKey(objective.code()),
              "key",
              commentKey(objective.code()),
              "type",
              "textfield",
              "label",
              "Perustelu (vapaaehtoinen)",
              "validate",
              Map.of("maxLength", 2000)));
    }
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("executionPlatform", "Camunda Platform");
    form.put("executionPlatformVersion", "7.24.0");
    form.put("schemaVersion", 16);
    form.put("id", formId);
    form.put("type", "default");
    form.put("components", components);
    try {
      repositoryService
          .createDeployment()
          .name("evaluation-survey-" + businessKey)
          .source("muutos-evaluation")
          .addString(formId + ".form", json.writeValueAsString(form))
          .deploy();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    jdbc.sql("update mu_eval set survey_form_id = ? where id = ?").params(formId, id).update();
    return formId;
  }

  public OffsetDateTime surveyClosesAt(long id) {
    LocalDate closes =
        jdbc.sql("select survey_closes_on from mu_eval where id = ?")
            .param(id)
            .query(LocalDate.class)
            .single();
    return closes.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  public List<String> respondentIds(long id) {
    return jdbc.sql("select user_id from mu_eval_respondent where eval_id = ? order by id")
        .param(id)
        .query(String.class)
        .list();
  }

  /**
   * A respondent's answers, from the survey form's variables. Stored with the respondent's group
   * only. Ratings must be whole numbers 1–5; an objective left empty is skipped.
   */
  @Transactional
  public void recordAnswers(long id, String userId, Map<String, Object> variables) {
    String group =
        jdbc.sql(
                "select respondent_group from mu_eval_respondent where eval_id = ? "
                    + "and user_id = ?")
            .params(id, userId)
            .query(String.class)
            .optional()
            .orElseThrow(() -> invalid(userId + " is not a respondent of this evaluation."));
    List<String> problems = new ArrayList<>();
    for (ObjectiveRef objective : strategy.objectives()) {
      Object rating = variables.get(ratingKey(objective.code()));
      Object comment = variables.get(commentKey(objective.code()));
      if (rating == null || rating.toString().isBlank()) {
        continue;
      }
      if (!(rating instanceof Number number)
          || number.doubleValue() != Math.floor(number.doubleValue())
          || number.intValue() < 1
          || number.intValue() > 5) {
        problems.add(objective.name() + ": arvio on kokonaisluku 1–5, ei " + rating);
        continue;
      }
      jdbc.sql(
              "insert into mu_eval_answer (eval_id, respondent_group, objective_code, rating, "
                  + "comment) values (?, ?, ?, ?, ?)")
          .params(
              id,
              group,
              objective.code(),
              number.intValue(),
              comment == null || comment.toString().isBlank() ? null : comment.toString())
          .update();
    }
    if (!problems.isEmpty()) {
      throw invalid("Vastausta ei voi tallentaa: " + String.join("; ", problems));
    }
    jdbc.sql("update mu_eval_respondent set answered = true where eval_id = ? and user_id = ?")
        .params(id, userId)
        .update();
  }

  /** The survey is over (all answered or its deadline passed): records the response rate. */
  @Transactional
  public BigDecimal closeSurvey(long id) {
    long total =
        jdbc.sql("select count(*) from mu_eval_respondent where eval_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    long answered =
        jdbc.sql(
                "select count(*) from mu_eval_respondent where eval_id = ? "
                    + "and answered = true")
            .param(id)
            .query(Long.class)
            .single();
    BigDecimal rate =
        BigDecimal.valueOf(answered * 100.0 / total).setScale(2, RoundingMode.HALF_UP);
    jdbc.sql("update mu_eval set response_rate = ?, stage = 'INTERVIEWS' where id = ?")
        .params(rate, id)
        .update();
    return rate;
  }

  @Transactional
  public void recordInterview(long id, String role, String summary) {
    if (role == null || role.isBlank() || summary == null || summary.isBlank()) {
      throw invalid("An interview needs the interviewee's role and a summary (no names).");
    }
    jdbc.sql(
            "insert into mu_eval_interview (eval_id, role, summary, recorded_at) "
                + "values (?, ?, ?, ?)")
        .params(id, role.strip(), summary.strip(), now())
        .update();
  }

  /** Computes the results; returns a proposed synthesis text for the evaluator to edit. */
  @Transactional
  public String computeSynthesis(long id) {
    Map<String, String> names = new LinkedHashMap<>();
    strategy.objectives().forEach(o -> names.put(o.code(), o.name()));
    List<ObjectiveResult> results = results(id);
    StringBuilder text = new StringBuilder("Parhaiten toteutuneet: ");
    text.append(
        String.join(
            ", ",
            results.stream()
                .filter(r -> "BEST_REALISED".equals(r.verdict()))
                .map(r -> names.get(r.objectiveCode()) + " (" + r.mean() + ")")
                .toList()));
    text.append(". Heikoimmin toteutuneet: ");
    text.append(
        String.join(
            ", ",
            results.stream()
                .filter(r -> "WEAKEST_REALISED".equals(r.verdict()))
                .map(r -> names.get(r.objectiveCode()) + " (" + r.mean() + ")")
                .toList()));
    text.append(".");
    jdbc.sql("update mu_eval set synthesis = ?, stage = 'SYNTHESIS' where id = ?")
        .params(text.toString(), id)
        .update();
    return text.toString();
  }

  /**
   * Publishes the results onto the strategy's objectives: each objective's mean overall and per
   * respondent group, the verdicts, the synthesis and the follow-up areas (one per line).
   */
  @Transactional
  public void publish(long id, String synthesis, String followUps) {
    EvaluationView evaluation = find(id);
    List<EvaluationRecord.Rating> ratings = new ArrayList<>();
    for (ObjectiveResult result : evaluation.results()) {
      if (result.mean() == null) {
        continue;
      }
      ratings.add(
          new EvaluationRecord.Rating(
              result.objectiveCode(), result.mean(), result.responses(), null, result.verdict()));
      result
          .meanByGroup()
          .forEach(
              (group, mean) ->
                  ratings.add(
                      new EvaluationRecord.Rating(
                          result.objectiveCode(),
                          mean,
                          result.responsesByGroup().get(group),
                          group,
                          null)));
    }
    List<EvaluationRecord.Finding> findings = new ArrayList<>();
    lines(followUps).forEach(line -> findings.add(new EvaluationRecord.Finding("ATTENTION", line)));
    strategy.recordEvaluation(
        new EvaluationRecord(
            evaluation.businessKey(),
            evaluation.name(),
            evaluation.evaluator(),
            evaluation.startedOn(),
            LocalDate.now(clock),
            (synthesis == null || synthesis.isBlank() ? "" : synthesis.strip() + " ")
                + "Kysely (vastausprosentti "
                + evaluation.responseRate()
                + " %), haastattelut ("
                + evaluation.interviews()
                + " kpl).",
            ratings,
            findings));
    jdbc.sql("update mu_eval set synthesis = ?, follow_ups = ?, stage = 'PUBLISHED' where id = ?")
        .params(synthesis, followUps, id)
        .update();
  }

  @Transactional(readOnly = true)
  public EvaluationView find(long id) {
    record Row(
        long id,
        String businessKey,
        String name,
        String evaluator,
        LocalDate startedOn,
        LocalDate closesOn,
        String stage,
        String processInstanceId,
        BigDecimal responseRate,
        String synthesis,
        String followUps) {}
    Row row =
        jdbc.sql("select * from mu_eval where id = ?")
            .param(id)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("id"),
                        rs.getString("business_key"),
                        rs.getString("name"),
                        rs.getString("evaluator"),
                        rs.getObject("started_on", LocalDate.class),
                        rs.getObject("survey_closes_on", LocalDate.class),
                        rs.getString("stage"),
                        rs.getString("process_instance_id"),
                        rs.getBigDecimal("response_rate"),
                        rs.getString("synthesis"),
                        rs.getString("follow_ups")))
            .optional()
            .orElseThrow(
                () ->
                    new DomainException(
                        Kind.NOT_FOUND,
                        "evaluation-not-found",
                        "There is no evaluation " + id + "."));
    Map<String, Integer> respondents = new TreeMap<>();
    Map<String, Integer> answered = new TreeMap<>();
    jdbc.sql("select respondent_group, answered from mu_eval_respondent where eval_id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              respondents.merge(rs.getString(1), 1, Integer::sum);
              if (rs.getBoolean(2)) {
                answered.merge(rs.getString(1), 1, Integer::sum);
              }
              return null;
            })
        .list();
    int interviews =
        jdbc.sql("select count(*) from mu_eval_interview where eval_id = ?")
            .param(id)
            .query(Integer.class)
            .single();
    return new EvaluationView(
        row.id(),
        row.businessKey(),
        row.name(),
        row.evaluator(),
        row.startedOn(),
        row.closesOn(),
        row.stage(),
        row.processInstanceId(),
        row.responseRate(),
        respondents,
        answered,
        results(id),
        interviews,
        row.synthesis(),
        lines(row.followUps()));
  }

  private List<ObjectiveResult> results(long id) {
    List<Answer> answers =
        jdbc.sql(
                "select respondent_group, objective_code, rating "
                    + "from mu_eval_answer where eval_id = ? and rating is not null order by id")
            .param(id)
            .query((rs, n) -> new Answer(rs.getString(1), rs.getString(2), rs.getInt(3)))
            .list();
    return EvaluationResults.compute(
        strategy.objectives().stream().map(ObjectiveRef::code).toList(), answers);
  }

  private static List<String> lines(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static DomainException invalid(String message) {
    return new DomainException(Kind.INVALID, "invalid-evaluation", message);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
