package fi.muutos.strategy;

import fi.muutos.identity.Groups;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.strategy.StrategyRepository.MeasureRow;
import fi.muutos.strategy.StrategyRepository.ObjectiveRow;
import fi.muutos.strategy.StrategyRepository.RatingRow;
import fi.muutos.strategy.StrategyRepository.StrategyRow;
import fi.muutos.strategy.StrategyView.ChangeView;
import fi.muutos.strategy.StrategyView.GoalView;
import fi.muutos.strategy.StrategyView.ObjectiveView;
import fi.muutos.strategy.StrategyView.RatingView;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The strategy feature's one entry point: read the strategy, change a measure (a person or a
 * process step), import the strategy data. Every change is appended to the measure's log and
 * published as a {@link MeasureStatusChanged} in the same transaction.
 */
@Service
public class StrategyService {

  /** Administrators may change every measure and import data. */
  public static final String ADMIN_GROUP = Groups.ADMIN;

  private final StrategyRepository repository;
  private final StrategyImporter importer;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  StrategyService(
      StrategyRepository repository,
      StrategyImporter importer,
      IdentityService identityService,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.importer = importer;
    this.identityService = identityService;
    this.events = events;
    this.clock = clock;
  }

  /** The current strategy as a tree with roll-ups, ratings and each measure's last change. */
  @Transactional(readOnly = true)
  public StrategyView current() {
    StrategyRow strategy = currentRow();
    Map<Long, ChangeView> lastChanges = repository.lastChanges(strategy.id());
    List<ObjectiveRow> objectiveRows = repository.objectives(strategy.id());
    Map<Long, String> objectiveCodes =
        objectiveRows.stream().collect(Collectors.toMap(ObjectiveRow::id, ObjectiveRow::code));
    List<MeasureRow> measureRows = repository.measures(strategy.id());
    List<RatingRow> ratings = repository.ratings(strategy.id());

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
                  List<ObjectiveView> own =
                      objectiveRows.stream()
                          .filter(o -> Objects.equals(o.goalId(), g.id()))
                          .map(o -> objectives.get(o.id()))
                          .toList();
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
    List<ObjectiveView> unplacedObjectives =
        objectiveRows.stream()
            .filter(o -> o.goalId() == null)
            .map(o -> objectives.get(o.id()))
            .toList();
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
        repository.evaluations(strategy.id()));
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
    List<RatingRow> ratings = repository.ratings(strategy.id());
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
                        objectiveRows.stream()
                            .filter(o -> Objects.equals(o.goalId(), g.id()))
                            .map(o -> objectives.get(o.id()))
                            .toList()))
            .toList();
    return new StrategyOutline(
        strategy.code(),
        strategy.name(),
        strategy.municipality(),
        strategy.adoptedOn(),
        all.rollUp(),
        goals,
        objectiveRows.stream()
            .filter(o -> o.goalId() == null)
            .map(o -> objectives.get(o.id()))
            .toList(),
        byObjective.getOrDefault(null, new RollUp.Counter()).rollUp().measures(),
        repository.evaluations(strategy.id()));
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
        repository.lastChanges(rows.stream().map(MeasureRow::id).toList());
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

  /**
   * The strategy at a glance: its roll-up and each goal's, the goals at risk and their measures at
   * risk (what management's Cockpit shows).
   */
  @Transactional(readOnly = true)
  public StrategySummary summary() {
    StrategyView strategy = current();
    List<StrategySummary.Goal> goals =
        strategy.goals().stream()
            .map(
                g -> {
                  List<String> atRisk =
                      g.objectives().stream()
                          .flatMap(o -> o.measures().stream())
                          .filter(
                              m ->
                                  m.status() == MeasureStatus.AT_RISK
                                      || m.status() == MeasureStatus.DELAYED)
                          .map(MeasureView::name)
                          .toList();
                  return new StrategySummary.Goal(
                      g.code(), g.name(), g.rollUp(), !atRisk.isEmpty(), atRisk);
                })
            .toList();
    return new StrategySummary(
        strategy.name(),
        strategy.municipality(),
        strategy.rollUp(),
        goals,
        (int) goals.stream().filter(StrategySummary.Goal::atRisk).count());
  }

  /** The measures one process instance moved, each with the changes it made, oldest first. */
  @Transactional(readOnly = true)
  public List<MovedMeasure> movedByInstance(String processInstanceId) {
    return moved(repository.changesByInstance(processInstanceId), true);
  }

  /** The measures the instances of a process model moved: how often, and the last change. */
  @Transactional(readOnly = true)
  public List<MovedMeasure> movedByProcess(String processDefinitionKey) {
    return moved(repository.changesByProcess(processDefinitionKey), false);
  }

  private List<MovedMeasure> moved(
      List<StrategyRepository.MeasureChange> changes, boolean withLog) {
    Map<String, List<StrategyRepository.MeasureChange>> byMeasure =
        changes.stream()
            .collect(
                Collectors.groupingBy(
                    StrategyRepository.MeasureChange::code,
                    LinkedHashMap::new,
                    Collectors.toList()));
    return byMeasure.entrySet().stream()
        .map(
            entry -> {
              MeasureView measure = measure(entry.getKey());
              List<ChangeView> log =
                  entry.getValue().stream().map(StrategyRepository.MeasureChange::change).toList();
              return new MovedMeasure(
                  measure.code(),
                  measure.name(),
                  measure.status(),
                  measure.statusLabel(),
                  measure.progress(),
                  log.size(),
                  log.get(log.size() - 1),
                  withLog ? log : null);
            })
        .toList();
  }

  /** One measure with its whole log, newest first. */
  @Transactional(readOnly = true)
  public MeasureView measure(String code) {
    MeasureRow row = repository.measure(code).orElseThrow(() -> notFound(code));
    List<ChangeView> log = repository.log(row.id());
    String objective =
        row.objectiveId() == null ? null : repository.objectiveCode(row.objectiveId());
    return view(row, objective, log.isEmpty() ? null : log.get(0), log);
  }

  /**
   * The measures a person names when starting a case: each must be a measure, owned by one of the
   * person's groups (an administrator may name any). A case moves the measures it was started for,
   * so naming another group's measure would let the case write into that group's log.
   *
   * @throws DomainException INVALID for a code that is no measure, FORBIDDEN for another group's
   */
  @Transactional(readOnly = true)
  public void checkStartedFor(Collection<String> codes, Collection<String> starterGroups) {
    if (codes == null) {
      return;
    }
    for (String code : codes) {
      MeasureRow row =
          repository
              .measure(code)
              .orElseThrow(
                  () ->
                      new DomainException(
                          Kind.INVALID,
                          "unknown-measure",
                          "Toimenpidettä " + code + " ei ole (there is no measure " + code + ")."));
      if (!starterGroups.contains(ADMIN_GROUP) && !starterGroups.contains(row.ownerGroup())) {
        throw new DomainException(
            Kind.FORBIDDEN,
            "not-owner",
            "Toimenpide "
                + code
                + " kuuluu ryhmälle "
                + row.ownerGroup()
                + ": käsittely voi edistää vain aloittajan ryhmän toimenpiteitä (a case moves only"
                + " measures of its starter's group; nothing was started).");
      }
    }
  }

  /**
   * Changes a measure's status, progress or note. A person must belong to the measure's owner group
   * (or be an administrator). A change to the state the measure already has changes nothing and is
   * not logged, so a repeated step (a retried job) never logs twice.
   *
   * @throws DomainException NOT_FOUND for an unknown code, FORBIDDEN for a person outside the owner
   *     group, CONFLICT for an illegal transition, INVALID for bad values
   */
  @Transactional
  public MeasureView changeStatus(String code, StatusChange change, ChangeSource source) {
    change(code, change, source);
    return measure(code);
  }

  /**
   * {@link #changeStatus} without reading the measure back: what a process step needs (the
   * measure's view carries its whole log, which grows with every case that moves it).
   */
  @Transactional
  public void change(String code, StatusChange change, ChangeSource source) {
    change(code, change, source, true);
  }

  /**
   * A case's step moves a measure ({@link Measure#followCase}): never refused for the measure's
   * state; {@code reopen} false for a step that only notes (a finished measure keeps its status).
   */
  @Transactional
  public void change(String code, StatusChange change, ChangeSource source, boolean reopen) {
    Measure current = repository.lockMeasure(code).orElseThrow(() -> notFound(code));
    if (source instanceof ChangeSource.Person person
        && !person.groups().contains(ADMIN_GROUP)
        && !person.groups().contains(current.ownerGroup())) {
      throw new DomainException(
          Kind.FORBIDDEN,
          "not-owner",
          "Only the group "
              + current.ownerGroup()
              + " (or an administrator) may change measure "
              + code
              + ".");
    }
    (source instanceof ChangeSource.Process step
            ? current.followCase(change, step, reopen)
            : current.apply(change, source))
        .ifPresent(
            next -> {
              OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
              repository.saveState(next);
              repository.appendLog(
                  current.id(), now, current.status(), current.progress(), next, source);
              events.publishEvent(event(current, next, now, source));
            });
  }

  /**
   * Validates a strategy file completely, then imports it in one transaction: a file with any
   * problem changes nothing and {@link StrategyFileException} lists every problem with its line.
   */
  @Transactional
  public ImportResult importFile(String yaml, ChangeSource.Import source) {
    Set<String> groups =
        identityService.createGroupQuery().list().stream()
            .map(Group::getId)
            .collect(Collectors.toSet());
    StrategyFile file = StrategyFileReader.read(yaml, groups);
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    StrategyImporter.Written written = importer.write(file, source, now);
    // names, dates and placements may change without a row of their own: a new version
    repository.touchAll();
    written
        .created()
        .forEach(
            measure ->
                events.publishEvent(
                    new MeasureStatusChanged(
                        file.strategy().code(),
                        measure.code(),
                        null,
                        measure.status(),
                        0,
                        measure.progress(),
                        measure.note(),
                        now,
                        source.type(),
                        null,
                        null,
                        null)));
    return written.result();
  }

  /** An objective of the current strategy, for forms and evaluations. */
  public record ObjectiveRef(String code, String name) {}

  /** A goal (päämäärä) of the current strategy, for forms and evaluations. */
  public record GoalRef(String code, String name) {}

  /** The current strategy's goals, in the strategy's order. */
  @Transactional(readOnly = true)
  public List<GoalRef> goals() {
    StrategyRow strategy =
        repository
            .currentStrategy()
            .orElseThrow(
                () ->
                    new DomainException(
                        Kind.NOT_FOUND, "strategy-not-found", "No strategy has been loaded yet."));
    return repository.goals(strategy.id()).stream()
        .map(g -> new GoalRef(g.code(), g.name()))
        .toList();
  }

  /** The current strategy's objectives, in the strategy's order (placed ones first). */
  @Transactional(readOnly = true)
  public List<ObjectiveRef> objectives() {
    StrategyRow strategy =
        repository
            .currentStrategy()
            .orElseThrow(
                () ->
                    new DomainException(
                        Kind.NOT_FOUND, "strategy-not-found", "No strategy has been loaded yet."));
    return repository.objectives(strategy.id()).stream()
        .map(o -> new ObjectiveRef(o.code(), o.name()))
        .toList();
  }

  /**
   * Records (or re-records) an evaluation's results on the current strategy: its ratings appear
   * next to their objectives in {@link #current()}.
   */
  @Transactional
  public void recordEvaluation(EvaluationRecord evaluation) {
    StrategyRow strategy = currentRow();
    repository.touch(strategy.id());
    var objectiveIds =
        repository.objectives(strategy.id()).stream()
            .collect(Collectors.toMap(ObjectiveRow::code, ObjectiveRow::id));
    var goalIds =
        repository.goals(strategy.id()).stream()
            .collect(
                Collectors.toMap(StrategyRepository.GoalRow::code, StrategyRepository.GoalRow::id));
    for (EvaluationRecord.Rating rating : evaluation.ratings()) {
      if (!(rating.goal() ? goalIds : objectiveIds).containsKey(rating.code())) {
        throw new DomainException(
            Kind.INVALID,
            "unknown-objective",
            "The strategy "
                + strategy.code()
                + " has no "
                + (rating.goal() ? "goal " : "objective ")
                + rating.code()
                + ".");
      }
    }
    repository.replaceEvaluation(strategy.id(), evaluation, goalIds, objectiveIds);
  }

  /** A new measure of the current strategy, e.g. from an evaluation's follow-up area. */
  @Transactional
  public MeasureView addMeasure(
      String code, String name, String objectiveCode, String ownerGroup, ChangeSource source) {
    StrategyRow strategy =
        repository
            .currentStrategy()
            .orElseThrow(
                () ->
                    new DomainException(
                        Kind.NOT_FOUND, "strategy-not-found", "No strategy has been loaded yet."));
    if (code == null || !code.matches("[A-Z0-9][A-Z0-9-]{0,63}")) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-measure",
          "A measure code is upper-case letters, digits and hyphens, not '" + code + "'.");
    }
    if (repository.measure(code).isPresent()) {
      throw new DomainException(
          Kind.CONFLICT, "duplicate-measure", "There is a measure " + code + " already.");
    }
    if (identityService.createGroupQuery().groupId(ownerGroup).count() == 0) {
      throw new DomainException(
          Kind.INVALID, "invalid-measure", "The owner group " + ownerGroup + " does not exist.");
    }
    Long objectiveId = objectiveId(strategy, objectiveCode, Kind.INVALID, "unknown-objective");
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    long id = repository.insertMeasure(strategy.id(), objectiveId, code, name, ownerGroup);
    Measure created = new Measure(id, code, ownerGroup, MeasureStatus.NOT_STARTED, 0, null);
    repository.appendLog(id, now, null, null, created, source);
    events.publishEvent(
        new MeasureStatusChanged(
            strategy.code(),
            code,
            null,
            MeasureStatus.NOT_STARTED,
            0,
            0,
            null,
            now,
            source.type(),
            null,
            null,
            null));
    return measure(code);
  }

  @Transactional(readOnly = true)
  public boolean anyStrategy() {
    return repository.anyStrategy();
  }

  private MeasureStatusChanged event(
      Measure from, Measure to, OffsetDateTime at, ChangeSource source) {
    String strategyCode = repository.strategyCodeOfMeasure(from.id());
    ChangeSource.Process process = source instanceof ChangeSource.Process p ? p : null;
    return new MeasureStatusChanged(
        strategyCode,
        from.code(),
        from.status(),
        to.status(),
        from.progress(),
        to.progress(),
        to.note(),
        at,
        source.type(),
        process == null ? null : process.instanceId(),
        process == null ? null : process.businessKey(),
        process == null ? null : process.activityId());
  }

  /** The id of the strategy's objective with this code (null for none), or the problem. */
  private Long objectiveId(StrategyRow strategy, String code, Kind problem, String slug) {
    if (code == null) {
      return null;
    }
    return repository.objectives(strategy.id()).stream()
        .filter(o -> o.code().equals(code))
        .map(ObjectiveRow::id)
        .findFirst()
        .orElseThrow(
            () ->
                new DomainException(problem, slug, "The strategy has no objective " + code + "."));
  }

  private StrategyRow currentRow() {
    return repository
        .currentStrategy()
        .orElseThrow(
            () ->
                new DomainException(
                    Kind.NOT_FOUND, "strategy-not-found", "No strategy has been loaded yet."));
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

  private static DomainException notFound(String code) {
    return new DomainException(
        Kind.NOT_FOUND,
        "measure-not-found",
        "Toimenpidettä " + code + " ei ole (there is no measure with the code " + code + ").");
  }
}
