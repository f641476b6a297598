package fi.muutos.evaluation;

import fi.muutos.cases.Case;
import fi.muutos.cases.Cases;
import fi.muutos.evaluation.EvaluationRepository.EvaluationRow;
import fi.muutos.evaluation.EvaluationRepository.Participation;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Strategy evaluations: respondents and their groups, the survey (its form from {@link
 * SurveyForms}), answers stored per group (never with a user id), interviews, the computed
 * synthesis, and publication of the results onto the strategy's objectives.
 */
@Service
public class Evaluations {

  private final EvaluationRepository repository;
  private final Cases cases;
  private final SurveyForms surveyForms;
  private final StrategyService strategy;
  private final IdentityService identityService;
  private final Clock clock;

  Evaluations(
      EvaluationRepository repository,
      Cases cases,
      SurveyForms surveyForms,
      StrategyService strategy,
      IdentityService identityService,
      Clock clock) {
    this.repository = repository;
    this.cases = cases;
    this.surveyForms = surveyForms;
    this.strategy = strategy;
    this.identityService = identityService;
    this.clock = clock;
  }

  /**
   * Registers a starting evaluation; a retried start finds its own record. {@code respondents}:
   * "userId:GROUP" pairs; each user must exist (they answer in Tasklist).
   */
  @Transactional
  public long register(
      String businessKey,
      String name,
      String evaluator,
      LocalDate surveyClosesOn,
      List<String> respondents,
      String processInstanceId) {
    if (surveyClosesOn == null) {
      throw invalid("An evaluation needs the survey's closing date (surveyClosesOn).");
    }
    Map<String, String> groupByUser = respondents(respondents);
    if (!cases.register(
        EvaluationProcess.CASE,
        businessKey,
        processInstanceId,
        name,
        EvaluationStage.SURVEY,
        null)) {
      return evaluation(businessKey).id();
    }
    long id = repository.insert(businessKey, evaluator, LocalDate.now(clock), surveyClosesOn);
    groupByUser.forEach((user, group) -> repository.addRespondent(id, user, group));
    return id;
  }

  private Map<String, String> respondents(List<String> pairs) {
    Map<String, String> groupByUser = new LinkedHashMap<>();
    for (String pair : pairs == null ? List.<String>of() : pairs) {
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
   * Generates the survey form for the current strategy's objectives and deploys it; returns its
   * form id, which the survey tasks reference.
   */
  @Transactional
  public String deploySurveyForm(long id) {
    String formId = surveyForms.deploy(evaluation(id).businessKey(), strategy.objectives());
    repository.surveyFormId(id, formId);
    return formId;
  }

  /** When the survey closes: the start of the day after its closing date. */
  public OffsetDateTime surveyClosesAt(long id) {
    return evaluation(id)
        .surveyClosesOn()
        .plusDays(1)
        .atStartOfDay(clock.getZone())
        .toOffsetDateTime();
  }

  /** The respondents' user ids, one survey task each. */
  public List<String> respondentIds(long id) {
    return repository.respondentIds(id);
  }

  /**
   * A respondent's answers, from the survey form's variables. Stored with the respondent's group
   * only. Ratings must be whole numbers 1–5; an objective left empty is skipped.
   */
  @Transactional
  public void recordAnswers(long id, String userId, Map<String, Object> variables) {
    String group =
        repository
            .respondentGroup(id, userId)
            .orElseThrow(() -> invalid(userId + " is not a respondent of this evaluation."));
    List<String> problems = new ArrayList<>();
    for (ObjectiveRef objective : strategy.objectives()) {
      Object rating = variables.get(SurveyForms.ratingKey(objective.code()));
      Object comment = variables.get(SurveyForms.commentKey(objective.code()));
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
      repository.addAnswer(
          id,
          group,
          objective.code(),
          number.intValue(),
          comment == null || comment.toString().isBlank() ? null : comment.toString());
    }
    if (!problems.isEmpty()) {
      throw invalid("Vastausta ei voi tallentaa: " + String.join("; ", problems));
    }
    repository.answered(id, userId);
  }

  /** The survey is over (all answered or its deadline passed): records the response rate. */
  @Transactional
  public BigDecimal closeSurvey(long id, String activityId) {
    Participation participation = repository.participation(id);
    int total = participation.respondents().values().stream().mapToInt(Integer::intValue).sum();
    int answered = participation.answered().values().stream().mapToInt(Integer::intValue).sum();
    BigDecimal rate =
        BigDecimal.valueOf(answered * 100.0 / total).setScale(2, RoundingMode.HALF_UP);
    repository.responseRate(id, rate);
    enter(id, EvaluationStage.INTERVIEWS, activityId);
    return rate;
  }

  @Transactional
  public void recordInterview(long id, String role, String summary) {
    if (role == null || role.isBlank() || summary == null || summary.isBlank()) {
      throw invalid("An interview needs the interviewee's role and a summary (no names).");
    }
    repository.addInterview(
        id,
        role.strip(),
        summary.strip(),
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
  }

  /** Computes the results; returns a proposed synthesis text for the evaluator to edit. */
  @Transactional
  public String computeSynthesis(long id, String activityId) {
    Map<String, String> names = new LinkedHashMap<>();
    strategy.objectives().forEach(o -> names.put(o.code(), o.name()));
    List<ObjectiveResult> results = results(id);
    String text =
        "Parhaiten toteutuneet: "
            + verdicts(results, "BEST_REALISED", names)
            + ". Heikoimmin toteutuneet: "
            + verdicts(results, "WEAKEST_REALISED", names)
            + ".";
    repository.synthesis(id, text, null);
    enter(id, EvaluationStage.SYNTHESIS, activityId);
    return text;
  }

  private static String verdicts(
      List<ObjectiveResult> results, String verdict, Map<String, String> names) {
    return String.join(
        ", ",
        results.stream()
            .filter(r -> verdict.equals(r.verdict()))
            .map(r -> names.get(r.objectiveCode()) + " (" + r.mean() + ")")
            .toList());
  }

  /**
   * Publishes the results onto the strategy's objectives: each objective's mean overall and per
   * respondent group, the verdicts, the synthesis and the follow-up areas (one per line).
   */
  @Transactional
  public void publish(long id, String synthesis, String followUps, String activityId) {
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
    repository.synthesis(id, synthesis, followUps);
    enter(id, EvaluationStage.PUBLISHED, activityId);
  }

  @Transactional(readOnly = true)
  public EvaluationView find(long id) {
    return view(evaluation(id));
  }

  /** The evaluation's id (what its facade answers a start with), without building its view. */
  @Transactional(readOnly = true)
  public long idOf(String businessKey) {
    return evaluation(businessKey).id();
  }

  @Transactional(readOnly = true)
  public EvaluationView findByBusinessKey(String businessKey) {
    return view(evaluation(businessKey));
  }

  private EvaluationView view(EvaluationRow row) {
    Case<EvaluationStage> evaluation = cases.get(EvaluationProcess.CASE, row.businessKey());
    Participation participation = repository.participation(row.id());
    return new EvaluationView(
        row.id(),
        row.businessKey(),
        evaluation.name(),
        row.evaluator(),
        row.startedOn(),
        row.surveyClosesOn(),
        evaluation.stage(),
        evaluation.processInstanceId(),
        row.responseRate(),
        participation.respondents(),
        participation.answered(),
        results(row.id()),
        repository.interviews(row.id()),
        row.synthesis(),
        lines(row.followUps()));
  }

  private List<ObjectiveResult> results(long id) {
    return EvaluationResults.compute(
        strategy.objectives().stream().map(ObjectiveRef::code).toList(), repository.answers(id));
  }

  private void enter(long id, EvaluationStage stage, String activityId) {
    cases.enter(
        EvaluationProcess.CASE, evaluation(id).businessKey(), stage, null, null, activityId);
  }

  private EvaluationRow evaluation(long id) {
    return repository.find(id).orElseThrow(() -> notFound(String.valueOf(id)));
  }

  private EvaluationRow evaluation(String businessKey) {
    return repository.findByBusinessKey(businessKey).orElseThrow(() -> notFound(businessKey));
  }

  private static List<String> lines(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static DomainException invalid(String message) {
    return new DomainException(Kind.INVALID, "invalid-evaluation", message);
  }

  private static DomainException notFound(String id) {
    return new DomainException(
        Kind.NOT_FOUND, "evaluation-not-found", "There is no evaluation " + id + ".");
  }
}
