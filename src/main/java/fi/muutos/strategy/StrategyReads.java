package fi.muutos.strategy;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.strategy.EvaluationRatingRepository.RatingRow;
import fi.muutos.strategy.StrategyRepository.MeasureRow;
import fi.muutos.strategy.StrategyRepository.ObjectiveRow;
import fi.muutos.strategy.StrategyRepository.StrategyRow;
import fi.muutos.strategy.StrategyView.ChangeView;
import fi.muutos.strategy.StrategyView.GoalView;
import fi.muutos.strategy.StrategyView.ObjectiveView;
import fi.muutos.strategy.StrategyView.RatingView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the strategy is now: the whole tree with roll-ups and ratings, an outline without measures
 * and pages of measures (the dashboard's, Cockpit's and the public reads), one measure with its
 * log, the goals and objectives for forms and evaluations, and the version each answer's ETag
 * carries.
 */
@Service
public class StrategyReads {

  private final StrategyRepository repository;
  private final MeasureLogRepository measureLog;
  private final EvaluationRatingRepository evaluationRatings;

  StrategyReads(
      StrategyRepository repository,
      MeasureLogRepository measureLog,
      EvaluationRatingRepository evaluationRatings) {
    this.measureLog = measureLog;
    this.repository = repository;
    this.evaluationRatings = evaluationRatings;
  }

  /** The current strategy as a tree with roll-ups, ratings and each measure's last change. */
  @Transactional(readOnly = true)
  public StrategyView current() {
    StrategyRow strategy = currentRow();
    Map<Long, ChangeView> lastChanges = measureLog.lastChanges(strategy.id());
    List<ObjectiveRow> objectiveRows = repository.objectives(strategy.id());
    Map<Long, String> objectiveCodes =
        objectiveRows.stream().collect(Collectors.toMap(ObjectiveRow::id, ObjectiveRow::code));
    List<MeasureRow> measureRows = repository.measures(strategy.id());
    List<RatingRow> ratings = evaluationRatings.ratings(strategy.id());

    List<MeasureView> allMeasures =
        measureRows.stream()
            .map(m -> view(m, objectiveCodes.get(m.objectiveId()), lastChanges.get(m.id()), null))
            .toList();
    Map<String, List<MeasureView>> measuresByObjective =
        allMeasures.stream()
            .filter(m -> m.objective() != null)
            .collect(Collectors.groupingBy(MeasureView::objective));

    Map<Long, ObjectiveView> objectives = new LinkedHashMap<>();
    for (ObjectiveRow o : objectiveRows) {
      List<MeasureView> measures = measuresByObjective.getOrDefault(o.code(), List.of());
      objectives.put(
          o.id(),
          new ObjectiveView(
              o.code(),
              o.name(),
              o.ownerGroup(),
              o.placementNote(),
              o.startsOn(),
              o.endsOn(),
              RollUp.of(measures),
              ratings(ratings, r -> Objects.equals(r.objectiveId(), o.id())),
              measures));
    }
    List<GoalView> goals =
        repository.goals(strategy.id()).stream()
            .map(
                g -> {
                  List<ObjectiveView> own = ofGoal(g.id(), objectiveRows, objectives);
                  List<MeasureView> measures =
                      own.stream().flatMap(o -> o.measures().stream()).toList();
                  return new GoalView(
                      g.code(),
                      g.name(),
                      g.ownerGroup(),
                      g.startsOn(),
                      g.endsOn(),
                      RollUp.of(measures),
                      ratings(ratings, r -> Objects.equals(r.goalId(), g.id())),
                      own);
                })
            .toList();
    List<ObjectiveView> unplacedObjectives = ofGoal(null, objectiveRows, objectives);
    List<MeasureView> unplacedMeasures =
        allMeasures.stream().filter(m -> m.objective() == null).toList();
    return new StrategyView(
        strategy.code(),
        strategy.name(),
        strategy.municipality(),
        strategy.adoptedOn(),
        RollUp.of(allMeasures),
        goals,
        unplacedObjectives,
        unplacedMeasures,
        evaluationRatings.evaluations(strategy.id()));
  }

  /** The current strategy's version: equal versions, equal views (the ETag). */
  @Transactional(readOnly = true)
  public String version() {
    return repository.version(currentRow().id());
  }

  /**
   * The strategy without its measures: goals and objectives with their roll-ups (counted by the
   * database, not from the measures) and how many measures each has.
   */
  @Transactional(readOnly = true)
  public StrategyOutline outline() {
    StrategyRow strategy = currentRow();
    List<ObjectiveRow> objectiveRows = repository.objectives(strategy.id());
    Map<Long, Long> goalOf = new HashMap<>();
    objectiveRows.stream()
        .filter(o -> o.goalId() != null)
        .forEach(o -> goalOf.put(o.id(), o.goalId()));
    Map<Long, RollUp.Counter> byObjective = new HashMap<>();
    Map<Long, RollUp.Counter> byGoal = new HashMap<>();
    RollUp.Counter all = new RollUp.Counter();
    for (var count : repository.statusCounts(strategy.id())) {
      List<RollUp.Counter> counters = new ArrayList<>(List.of(all));
      counters.add(byObjective.computeIfAbsent(count.objectiveId(), id -> new RollUp.Counter()));
      Long goal = count.objectiveId() == null ? null : goalOf.get(count.objectiveId());
      if (goal != null) {
        counters.add(byGoal.computeIfAbsent(goal, id -> new RollUp.Counter()));
      }
      counters.forEach(c -> c.add(count.status(), count.measures(), count.progress()));
    }
    List<RatingRow> ratings = evaluationRatings.ratings(strategy.id());
    Map<Long, StrategyOutline.Objective> objectives = new LinkedHashMap<>();
    for (ObjectiveRow o : objectiveRows) {
      RollUp rollUp = byObjective.getOrDefault(o.id(), new RollUp.Counter()).rollUp();
      objectives.put(
          o.id(),
          new StrategyOutline.Objective(
              o.code(),
              o.name(),
              o.ownerGroup(),
              o.placementNote(),
              o.startsOn(),
              o.endsOn(),
              rollUp,
              ratings(ratings, r -> Objects.equals(r.objectiveId(), o.id())),
              rollUp.measures()));
    }
    List<StrategyOutline.Goal> goals =
        repository.goals(strategy.id()).stream()
            .map(
                g ->
                    new StrategyOutline.Goal(
                        g.code(),
                        g.name(),
                        g.ownerGroup(),
                        g.startsOn(),
                        g.endsOn(),
                        byGoal.getOrDefault(g.id(), new RollUp.Counter()).rollUp(),
                        ratings(ratings, r -> Objects.equals(r.goalId(), g.id())),
                        ofGoal(g.id(), objectiveRows, objectives)))
            .toList();
    return new StrategyOutline(
        strategy.code(),
        strategy.name(),
        strategy.municipality(),
        strategy.adoptedOn(),
        all.rollUp(),
        goals,
        ofGoal(null, objectiveRows, objectives),
        byObjective.getOrDefault(null, new RollUp.Counter()).rollUp().measures(),
        evaluationRatings.evaluations(strategy.id()));
  }

  /**
   * A page of one objective's measures (code null: the measures under no objective), each with its
   * last change.
   */
  @Transactional(readOnly = true)
  public StrategyOutline.MeasurePage measures(String objectiveCode, int offset, int limit) {
    StrategyRow strategy = currentRow();
    Long objectiveId = objectiveId(strategy, objectiveCode, Kind.NOT_FOUND, "objective-not-found");
    List<MeasureRow> rows = repository.measures(strategy.id(), objectiveId, offset, limit);
    Map<Long, ChangeView> changes =
        measureLog.lastChanges(rows.stream().map(MeasureRow::id).toList());
    int total =
        repository.statusCounts(strategy.id()).stream()
            .filter(c -> Objects.equals(c.objectiveId(), objectiveId))
            .mapToInt(c -> c.measures())
            .sum();
    return new StrategyOutline.MeasurePage(
        objectiveCode,
        total,
        offset,
        limit,
        rows.stream().map(m -> view(m, objectiveCode, changes.get(m.id()), null)).toList());
  }

  /** One measure with its whole log, newest first. */
  @Transactional(readOnly = true)
  public MeasureView measure(String code) {
    MeasureRow row = repository.measure(code).orElseThrow(() -> notFound(code));
    List<ChangeView> log = measureLog.log(row.id());
    String objective =
        row.objectiveId() == null ? null : repository.objectiveCode(row.objectiveId());
    return view(row, objective, log.isEmpty() ? null : log.get(0), log);
  }

  /** An objective of the current strategy, for forms and evaluations. */
  public record ObjectiveRef(String code, String name) {}

  /** A goal (päämäärä) of the current strategy, for forms and evaluations. */
  public record GoalRef(String code, String name) {}

  /** The current strategy's goals, in the strategy's order. */
  @Transactional(readOnly = true)
  public List<GoalRef> goals() {
    return repository.goals(currentRow().id()).stream()
        .map(g -> new GoalRef(g.code(), g.name()))
        .toList();
  }

  /** The current strategy's objectives, in the strategy's order (placed ones first). */
  @Transactional(readOnly = true)
  public List<ObjectiveRef> objectives() {
    return repository.objectives(currentRow().id()).stream()
        .map(o -> new ObjectiveRef(o.code(), o.name()))
        .toList();
  }

  @Transactional(readOnly = true)
  public boolean anyStrategy() {
    return repository.anyStrategy();
  }

  /** The id of the strategy's objective with this code (null for none), or the problem. */
  Long objectiveId(StrategyRow strategy, String code, Kind problem, String slug) {
    if (code == null) {
      return null;
    }
    return repository.objectives(strategy.id()).stream()
        .filter(o -> o.code().equals(code))
        .map(ObjectiveRow::id)
        .findFirst()
        .orElseThrow(
            () ->
                new DomainException(
                    problem,
                    slug,
                    "Strategiassa ei ole tavoitetta "
                        + code
                        + " (the strategy has no objective "
                        + code
                        + ")."));
  }

  /** The current strategy's row; a 404 when none has been loaded. */
  StrategyRow currentRow() {
    return repository
        .currentStrategy()
        .orElseThrow(
            () ->
                new DomainException(
                    Kind.NOT_FOUND,
                    "strategy-not-found",
                    "Strategiaa ei ole vielä ladattu (no strategy has been loaded yet)."));
  }

  private static MeasureView view(
      MeasureRow m, String objective, ChangeView lastChange, List<ChangeView> log) {
    return new MeasureView(
        m.code(),
        m.name(),
        m.description(),
        objective,
        m.ownerGroup(),
        m.startsOn(),
        m.dueOn(),
        m.status(),
        m.status().label(),
        m.progress(),
        m.note(),
        lastChange,
        log);
  }

  /** The views of a goal's objectives (null: those under no goal), in the strategy's order. */
  private static <V> List<V> ofGoal(Long goalId, List<ObjectiveRow> rows, Map<Long, V> views) {
    return rows.stream()
        .filter(o -> Objects.equals(o.goalId(), goalId))
        .map(o -> views.get(o.id()))
        .toList();
  }

  private static List<RatingView> ratings(List<RatingRow> rows, Predicate<RatingRow> target) {
    return rows.stream()
        .filter(target)
        .map(
            r ->
                new RatingView(
                    r.evaluationCode(),
                    r.evaluationName(),
                    r.verdict(),
                    r.meanScore(),
                    r.responses(),
                    r.respondentGroup()))
        .toList();
  }

  static DomainException notFound(String code) {
    return new DomainException(
        Kind.NOT_FOUND,
        "measure-not-found",
        "Toimenpidettä " + code + " ei ole (there is no measure with the code " + code + ").");
  }
}
