package fi.muutos.evaluation;

import fi.muutos.cases.Case;
import fi.muutos.cases.Cases;
import fi.muutos.evaluation.EvaluationRepository.EvaluationRow;
import fi.muutos.evaluation.EvaluationRepository.Participation;
import fi.muutos.evaluation.EvaluationResults.ItemResult;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.strategy.EvaluationRecord;
import fi.muutos.strategy.StrategyReads;
import fi.muutos.strategy.StrategyReads.GoalRef;
import fi.muutos.strategy.StrategyReads.ObjectiveRef;
import fi.muutos.strategy.StrategyService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Strategy evaluations: respondents and their groups, the survey of goals and objectives (its form
 * from {@link SurveyForms}), answers counted per group (never with a user id; no figure from fewer
 * than {@code muutos.evaluation.min-group-size} answers), interviews, the proposed and edited
 * synthesis, and publication of the results onto the strategy's goals and objectives.
 */
@Service
public class Evaluations {

  static final String GOAL = "GOAL";
  static final String OBJECTIVE = "OBJECTIVE";

  private final EvaluationRepository repository;
  private final Cases cases;
  private final SurveyForms surveyForms;
  private final StrategyService strategy;
  private final StrategyReads strategyReads;
  private final IdentityService identityService;
  private final Clock clock;
  private final int minAnswers;

  Evaluations(
      EvaluationRepository repository,
      Cases cases,
      SurveyForms surveyForms,
      StrategyService strategy,
      StrategyReads strategyReads,
      IdentityService identityService,
      Clock clock,
      @Value("${muutos.evaluation.min-group-size:3}") int minAnswers) {
    this.repository = repository;
    this.cases = cases;
    this.surveyForms = surveyForms;
    this.strategy = strategy;
    this.strategyReads = strategyReads;
    this.identityService = identityService;
    this.clock = clock;
    if (minAnswers < 1) {
      throw new IllegalArgumentException(
          "muutos.evaluation.min-group-size is at least 1, not " + minAnswers);
    }
    this.minAnswers = minAnswers;
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
    if (surveyClosesOn.isBefore(LocalDate.now(clock))) {
      throw invalid(
          "Kyselyn päättymispäivä "
              + surveyClosesOn.format(java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy"))
              + " on mennyt: kukaan ei ehtisi vastata (surveyClosesOn is in the past).");
    }
    Map<String, String> groupByUser = respondents(respondents);
    if (groupByUser.size() < minAnswers) {
      throw invalid(
          "Vastaajia on "
              + groupByUser.size()
              + ", mutta yhtään lukua ei julkaista alle "
              + minAnswers
              + " vastauksesta (muutos.evaluation.min-group-size): lisää vastaajia (too few"
              + " respondents for any figure to be published).");
    }
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
    // every count exists before the first ballot: a ballot only adds to counts, so the rows'
    // order and ids say nothing of who answered what (issue 35, E2)
    for (String group : new java.util.TreeSet<>(groupByUser.values())) {
      repository.prepareTallies(
          id, group, GOAL, strategyReads.goals().stream().map(GoalRef::code).toList());
      repository.prepareTallies(
          id,
          group,
          OBJECTIVE,
          strategyReads.objectives().stream().map(ObjectiveRef::code).toList());
    }
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
    String formId =
        surveyForms.deploy(
            evaluation(id).businessKey(), strategyReads.goals(), strategyReads.objectives());
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
   * A respondent's answers: only this completion's values (the survey task's variables are
   * transient, see {@code fi.muutos.integrity}), counted per (respondent group, goal or objective,
   * rating), never with the respondent. Ratings are whole numbers 1–5; an item left empty is not
   * rated, and the respondent still counts as having answered.
   */
  @Transactional
  public void recordAnswers(long id, String userId, Map<String, Object> answers) {
    String group =
        repository
            .respondentGroup(id, userId)
            .orElseThrow(() -> invalid(userId + " is not a respondent of this evaluation."));
    List<String> problems = new ArrayList<>();
    List<Runnable> writes = new ArrayList<>();
    for (GoalRef goal : strategyReads.goals()) {
      item(
          id,
          group,
          GOAL,
          goal.code(),
          goal.name(),
          answers.get(SurveyForms.goalRatingKey(goal.code())),
          answers.get(SurveyForms.goalCommentKey(goal.code())),
          problems,
          writes);
    }
    for (ObjectiveRef objective : strategyReads.objectives()) {
      item(
          id,
          group,
          OBJECTIVE,
          objective.code(),
          objective.name(),
          answers.get(SurveyForms.ratingKey(objective.code())),
          answers.get(SurveyForms.commentKey(objective.code())),
          problems,
          writes);
    }
    if (!problems.isEmpty()) {
      throw invalid("Vastausta ei voi tallentaa: " + String.join("; ", problems));
    }
    writes.forEach(Runnable::run);
    repository.answered(id, userId);
  }

  private void item(
      long id,
      String group,
      String target,
      String code,
      String name,
      Object rating,
      Object comment,
      List<String> problems,
      List<Runnable> writes) {
    if (comment != null && !comment.toString().isBlank()) {
      writes.add(() -> repository.addComment(id, group, target, code, comment.toString().strip()));
    }
    if (rating == null || rating.toString().isBlank()) {
      return;
    }
    if (!(rating instanceof Number number)
        || number.doubleValue() != Math.floor(number.doubleValue())
        || number.intValue() < 1
        || number.intValue() > 5) {
      problems.add(name + ": arvio on kokonaisluku 1–5, ei " + rating);
      return;
    }
    writes.add(() -> repository.countRating(id, group, target, code, number.intValue()));
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

  /**
   * The arithmetic's proposal for the evaluator: the best and weakest realised goals and objectives
   * (codes), a synthesis text that shows ties as ties, and the items to choose from.
   */
  public record Proposal(
      String synthesis,
      List<String> bestGoals,
      List<String> weakestGoals,
      List<String> bestObjectives,
      List<String> weakestObjectives,
      List<Map<String, String>> goalChoices,
      List<Map<String, String>> objectiveChoices) {}

  /** Computes the results; returns the proposal the evaluator edits. */
  @Transactional
  public Proposal computeSynthesis(long id, String activityId) {
    Map<String, String> goalNames = new LinkedHashMap<>();
    strategyReads.goals().forEach(g -> goalNames.put(g.code(), g.name()));
    Map<String, String> objectiveNames = new LinkedHashMap<>();
    strategyReads.objectives().forEach(o -> objectiveNames.put(o.code(), o.name()));
    List<ItemResult> goals = goalResults(id);
    List<ItemResult> objectives = results(id);
    String text =
        "Päämääristä parhaiten toteutuneet: "
            + ranked(goals, EvaluationResults.BEST, goalNames)
            + ". Tavoitteista parhaiten toteutuneet: "
            + ranked(objectives, EvaluationResults.BEST, objectiveNames)
            + ". Heikoimmin toteutuneet: "
            + ranked(objectives, EvaluationResults.WEAKEST, objectiveNames)
            + ".";
    repository.synthesis(id, text, null, null);
    enter(id, EvaluationStage.SYNTHESIS, activityId);
    return new Proposal(
        text,
        codes(goals, EvaluationResults.BEST),
        codes(goals, EvaluationResults.WEAKEST),
        codes(objectives, EvaluationResults.BEST),
        codes(objectives, EvaluationResults.WEAKEST),
        choices(goalNames),
        choices(objectiveNames));
  }

  private static List<String> codes(List<ItemResult> results, String verdict) {
    return results.stream().filter(r -> verdict.equals(r.verdict())).map(ItemResult::code).toList();
  }

  private static List<Map<String, String>> choices(Map<String, String> names) {
    return names.entrySet().stream()
        .map(e -> Map.of("label", e.getValue(), "value", e.getKey()))
        .toList();
  }

  /**
   * The items with a verdict, best first (weakest: weakest first); items with the same mean are one
   * entry, "A ja B (3.5, tasan)".
   */
  private static String ranked(
      List<ItemResult> results, String verdict, Map<String, String> names) {
    Comparator<ItemResult> order = Comparator.comparing(ItemResult::mean);
    if (EvaluationResults.BEST.equals(verdict)) {
      order = order.reversed();
    }
    Map<Double, List<String>> byMean = new LinkedHashMap<>();
    results.stream()
        .filter(r -> verdict.equals(r.verdict()))
        .sorted(order)
        .forEach(
            r -> byMean.computeIfAbsent(r.mean(), m -> new ArrayList<>()).add(names.get(r.code())));
    if (byMean.isEmpty()) {
      return "–";
    }
    List<String> entries = new ArrayList<>();
    byMean.forEach(
        (mean, tied) ->
            entries.add(
                String.join(" ja ", tied) + " (" + mean + (tied.size() > 1 ? ", tasan)" : ")")));
    return String.join(", ", entries);
  }

  /** The evaluator's synthesis: text, successes, follow-up areas and the verdicts chosen. */
  public record Synthesis(
      String text,
      String successes,
      String followUps,
      List<String> bestGoals,
      List<String> weakestGoals,
      List<String> bestObjectives,
      List<String> weakestObjectives) {

    public Synthesis {
      bestGoals = bestGoals == null ? List.of() : List.copyOf(bestGoals);
      weakestGoals = weakestGoals == null ? List.of() : List.copyOf(weakestGoals);
      bestObjectives = bestObjectives == null ? List.of() : List.copyOf(bestObjectives);
      weakestObjectives = weakestObjectives == null ? List.of() : List.copyOf(weakestObjectives);
    }
  }

  /**
   * The evaluator's verdicts name the strategy's own goals and objectives, and nothing is both best
   * and weakest realised.
   */
  @Transactional(readOnly = true)
  public void checkSynthesis(Synthesis synthesis) {
    Set<String> goals = new HashSet<>();
    strategyReads.goals().forEach(g -> goals.add(g.code()));
    Set<String> objectives = new HashSet<>();
    strategyReads.objectives().forEach(o -> objectives.add(o.code()));
    List<String> problems = new ArrayList<>();
    unknown(synthesis.bestGoals(), goals, "päämäärää", problems);
    unknown(synthesis.weakestGoals(), goals, "päämäärää", problems);
    unknown(synthesis.bestObjectives(), objectives, "tavoitetta", problems);
    unknown(synthesis.weakestObjectives(), objectives, "tavoitetta", problems);
    both(synthesis.bestGoals(), synthesis.weakestGoals(), problems);
    both(synthesis.bestObjectives(), synthesis.weakestObjectives(), problems);
    if (!problems.isEmpty()) {
      throw invalid("Yhteenvetoa ei voi tallentaa: " + String.join("; ", problems));
    }
  }

  private static void unknown(
      List<String> codes, Set<String> known, String what, List<String> problems) {
    codes.stream()
        .filter(code -> !known.contains(code))
        .forEach(code -> problems.add("strategiassa ei ole " + what + " " + code));
  }

  private static void both(List<String> best, List<String> weakest, List<String> problems) {
    best.stream()
        .filter(weakest::contains)
        .forEach(
            code -> problems.add(code + " ei voi olla sekä parhaiten että heikoimmin toteutunut"));
  }

  /**
   * Publishes the results onto the strategy's goals and objectives: each item's mean overall and
   * per respondent group (as far as they may be published), the evaluator's verdicts, the
   * synthesis, the successes and the follow-up areas (one per line each).
   */
  @Transactional
  public void publish(long id, Synthesis synthesis, String activityId) {
    checkSynthesis(synthesis);
    EvaluationView evaluation = find(id);
    List<EvaluationRecord.Rating> ratings = new ArrayList<>();
    rate(evaluation.goalResults(), true, synthesis.bestGoals(), synthesis.weakestGoals(), ratings);
    rate(
        evaluation.results(),
        false,
        synthesis.bestObjectives(),
        synthesis.weakestObjectives(),
        ratings);
    List<EvaluationRecord.Finding> findings = new ArrayList<>();
    lines(synthesis.successes())
        .forEach(line -> findings.add(new EvaluationRecord.Finding("SUCCESS", line)));
    lines(synthesis.followUps())
        .forEach(line -> findings.add(new EvaluationRecord.Finding("ATTENTION", line)));
    String text = synthesis.text();
    strategy.recordEvaluation(
        new EvaluationRecord(
            evaluation.businessKey(),
            evaluation.name(),
            evaluation.evaluator(),
            evaluation.startedOn(),
            LocalDate.now(clock),
            (text == null || text.isBlank() ? "" : text.strip() + " ")
                + "Kysely (vastausprosentti "
                + evaluation.responseRate()
                + " %), haastattelut ("
                + evaluation.interviews()
                + " kpl).",
            ratings,
            findings));
    repository.synthesis(id, text, synthesis.successes(), synthesis.followUps());
    enter(id, EvaluationStage.PUBLISHED, activityId);
  }

  private static void rate(
      List<ItemResult> results,
      boolean goal,
      List<String> best,
      List<String> weakest,
      List<EvaluationRecord.Rating> ratings) {
    for (ItemResult result : results) {
      String verdict =
          best.contains(result.code())
              ? EvaluationResults.BEST
              : weakest.contains(result.code()) ? EvaluationResults.WEAKEST : null;
      if (result.mean() == null && verdict == null) {
        continue;
      }
      ratings.add(
          new EvaluationRecord.Rating(
              result.code(), goal, result.mean(), result.responses(), null, verdict));
      result
          .meanByGroup()
          .forEach(
              (group, mean) ->
                  ratings.add(
                      new EvaluationRecord.Rating(
                          result.code(),
                          goal,
                          mean,
                          result.responsesByGroup().get(group),
                          group,
                          null)));
    }
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
    // while the survey is open nobody sees a result: comparing results before and after a ballot
    // left Tasklist would tell what that person answered (issue 35, E1)
    boolean surveyOpen = evaluation.stage() == EvaluationStage.SURVEY;
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
        surveyOpen ? List.of() : goalResults(row.id()),
        surveyOpen ? List.of() : results(row.id()),
        repository.interviews(row.id()),
        row.synthesis(),
        lines(row.successes()),
        lines(row.followUps()),
        cases.modelVersion(evaluation.processInstanceId()),
        !surveyOpen);
  }

  private List<ItemResult> goalResults(long id) {
    return EvaluationResults.compute(
        strategyReads.goals().stream().map(GoalRef::code).toList(),
        repository.answers(id, GOAL),
        minAnswers);
  }

  private List<ItemResult> results(long id) {
    return EvaluationResults.compute(
        strategyReads.objectives().stream().map(ObjectiveRef::code).toList(),
        repository.answers(id, OBJECTIVE),
        minAnswers);
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
