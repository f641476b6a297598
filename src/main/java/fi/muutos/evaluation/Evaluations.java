package fi.muutos.evaluation;

import fi.muutos.cases.Case;
import fi.muutos.cases.Cases;
import fi.muutos.evaluation.EvaluationRepository.EvaluationRow;
import fi.muutos.evaluation.EvaluationRepository.Participation;
import fi.muutos.evaluation.EvaluationResults.ItemResult;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.TextLines;
import fi.muutos.strategy.StrategyReads;
import fi.muutos.strategy.StrategyReads.GoalRef;
import fi.muutos.strategy.StrategyReads.ObjectiveRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final StrategyReads strategyReads;
  private final IdentityService identityService;
  private final Clock clock;
  private final int minAnswers;

  Evaluations(
      EvaluationRepository repository,
      Cases cases,
      SurveyForms surveyForms,
      StrategyReads strategyReads,
      IdentityService identityService,
      Clock clock,
      @Value("${muutos.evaluation.min-group-size:3}") int minAnswers) {
    this.repository = repository;
    this.cases = cases;
    this.surveyForms = surveyForms;
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
  public long register(StartEvaluation start, String processInstanceId) {
    String businessKey = start.businessKey();
    LocalDate surveyClosesOn = start.surveyClosesOn();
    if (surveyClosesOn == null) {
      throw invalid(
          "Anna kyselyn päättymispäivä (surveyClosesOn; an evaluation needs the survey's closing date).");
    }
    if (surveyClosesOn.isBefore(LocalDate.now(clock))) {
      throw invalid(
          "Kyselyn päättymispäivä "
              + surveyClosesOn.format(java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy"))
              + " on mennyt: kukaan ei ehtisi vastata (surveyClosesOn is in the past).");
    }
    Map<String, String> groupByUser = respondents(start.respondents());
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
        start.name(),
        EvaluationStage.SURVEY,
        null)) {
      return evaluation(businessKey).id();
    }
    long id =
        repository.insert(businessKey, start.evaluator(), LocalDate.now(clock), surveyClosesOn);
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

  private Map<String, String> respondents(List<StartEvaluation.Respondent> respondents) {
    Map<String, String> groupByUser = new LinkedHashMap<>();
    for (StartEvaluation.Respondent respondent : respondents) {
      String user = respondent.userId();
      if (identityService.createUserQuery().userId(user).count() == 0) {
        throw invalid("Vastaajaa " + user + " ei ole käyttäjänä (the respondent is not a user).");
      }
      groupByUser.put(user, respondent.group());
    }
    if (groupByUser.isEmpty()) {
      throw invalid(
          "Arvioinnilla on oltava vastaajat (respondents; an evaluation needs respondents).");
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

  /**
   * The survey is over (all answered or its deadline passed): seals the ballots and records the
   * response rate.
   */
  @Transactional
  public BigDecimal closeSurvey(long id, String activityId) {
    repository.sealBallots(id);
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
      throw invalid(
          "Kirjaa haastateltavan rooli ja yhteenveto, ei nimiä (an interview needs the interviewee's role and a summary).");
    }
    repository.addInterview(
        id,
        role.strip(),
        summary.strip(),
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
  }

  @Transactional(readOnly = true)
  public EvaluationView find(long id) {
    return view(evaluation(id));
  }

  /**
   * The survey's comments for the evaluator, after the survey has closed (409 before: a comment
   * that appears after a ballot would say whose it is), shuffled, and only from the groups with at
   * least the minimum number of respondents who answered (issue 35, E2).
   */
  @Transactional(readOnly = true)
  public List<SurveyComment> comments(long id) {
    EvaluationRow row = evaluation(id);
    if (cases.get(EvaluationProcess.CASE, row.businessKey()).stage() == EvaluationStage.SURVEY) {
      throw new DomainException(
          Kind.CONFLICT,
          "survey-open",
          "Kysely on vielä auki: kommentit näytetään vasta, kun kysely on päättynyt.");
    }
    Map<String, Integer> answered = repository.participation(id).answered();
    List<SurveyComment> comments =
        new java.util.ArrayList<>(
            repository.comments(id).stream()
                .filter(c -> answered.getOrDefault(c.respondentGroup(), 0) >= minAnswers)
                .toList());
    java.util.Collections.shuffle(comments, new java.security.SecureRandom());
    return comments;
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
        TextLines.of(row.successes()),
        TextLines.of(row.followUps()),
        cases.modelVersion(evaluation.processInstanceId()),
        !surveyOpen,
        surveyOpen ? null : EvaluationView.PROPOSED_VERDICTS);
  }

  List<ItemResult> goalResults(long id) {
    return EvaluationResults.compute(
        strategyReads.goals().stream().map(GoalRef::code).toList(),
        repository.answers(id, GOAL),
        minAnswers);
  }

  List<ItemResult> results(long id) {
    return EvaluationResults.compute(
        strategyReads.objectives().stream().map(ObjectiveRef::code).toList(),
        repository.answers(id, OBJECTIVE),
        minAnswers);
  }

  void enter(long id, EvaluationStage stage, String activityId) {
    cases.enter(
        EvaluationProcess.CASE, evaluation(id).businessKey(), stage, null, null, activityId);
  }

  private EvaluationRow evaluation(long id) {
    return repository.find(id).orElseThrow(() -> notFound(String.valueOf(id)));
  }

  private EvaluationRow evaluation(String businessKey) {
    return repository.findByBusinessKey(businessKey).orElseThrow(() -> notFound(businessKey));
  }

  /** A evaluation's value that the law or the record does not allow (400). */
  static DomainException invalid(String message) {
    return new DomainException(Kind.INVALID, "invalid-evaluation", message);
  }

  private static DomainException notFound(String id) {
    return new DomainException(
        Kind.NOT_FOUND,
        "evaluation-not-found",
        "Arviointia " + id + " ei ole (there is no evaluation " + id + ").");
  }
}
