package fi.muutos.strategy;

import fi.muutos.identity.Groups;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.strategy.StrategyRepository.MeasureRow;
import fi.muutos.strategy.StrategyRepository.ObjectiveRow;
import fi.muutos.strategy.StrategyRepository.StrategyRow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The strategy's commands: change a measure (a person or a case's step), add one, import the
 * strategy data, record an evaluation, check the measures a case is started for. Every change is
 * appended to the measure's log and published as a {@link MeasureStatusChanged} in the same
 * transaction. The reads are {@link StrategyReads}', management's overview {@link
 * StrategyMonitoring}'.
 */
@Service
public class StrategyService {

  /** Administrators may change every measure and import data. */
  public static final String ADMIN_GROUP = Groups.ADMIN;

  private final StrategyRepository repository;
  private final MeasureLogRepository measureLog;
  private final StrategyReads reads;
  private final EvaluationRatingRepository evaluationRatings;
  private final StrategyImporter importer;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  StrategyService(
      StrategyRepository repository,
      MeasureLogRepository measureLog,
      StrategyReads reads,
      EvaluationRatingRepository evaluationRatings,
      StrategyImporter importer,
      IdentityService identityService,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.measureLog = measureLog;
    this.reads = reads;
    this.evaluationRatings = evaluationRatings;
    this.importer = importer;
    this.identityService = identityService;
    this.events = events;
    this.clock = clock;
  }

  /** One measure with its whole log, newest first ({@link StrategyReads#measure}). */
  public MeasureView measure(String code) {
    return reads.measure(code);
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
    return reads.measure(code);
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
    Measure current = repository.lockMeasure(code).orElseThrow(() -> StrategyReads.notFound(code));
    if (source instanceof ChangeSource.Person person
        && !person.groups().contains(ADMIN_GROUP)
        && !person.groups().contains(current.ownerGroup())) {
      throw new DomainException(
          Kind.FORBIDDEN,
          "not-owner",
          "Vain ryhmä "
              + current.ownerGroup()
              + " (tai pääkäyttäjä) voi muuttaa toimenpidettä "
              + code
              + " (only the owner group or an administrator may change the measure).");
    }
    (source instanceof ChangeSource.Process step
            ? current.followCase(change, step, reopen)
            : current.apply(change, source))
        .ifPresent(
            next -> {
              OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
              repository.saveState(next);
              measureLog.appendLog(
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

  /**
   * Records (or re-records) an evaluation's results on the current strategy: its ratings appear
   * next to their objectives in {@link #current()}.
   */
  @Transactional
  public void recordEvaluation(EvaluationRecord evaluation) {
    StrategyRow strategy = reads.currentRow();
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
            "Strategiassa "
                + strategy.code()
                + " ei ole "
                + (rating.goal() ? "päämäärää " : "tavoitetta ")
                + rating.code()
                + " (the strategy has no such "
                + (rating.goal() ? "goal" : "objective")
                + ").");
      }
    }
    evaluationRatings.replaceEvaluation(strategy.id(), evaluation, goalIds, objectiveIds);
  }

  /** A new measure of the current strategy, e.g. from an evaluation's follow-up area. */
  @Transactional
  public MeasureView addMeasure(
      String code, String name, String objectiveCode, String ownerGroup, ChangeSource source) {
    StrategyRow strategy = reads.currentRow();
    if (code == null || !code.matches("[A-Z0-9][A-Z0-9-]{0,63}")) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-measure",
          "Toimenpiteen tunnus on isoja kirjaimia, numeroita ja viivoja, ei '"
              + code
              + "' (a measure code is upper-case letters, digits and hyphens).");
    }
    if (repository.measure(code).isPresent()) {
      throw new DomainException(
          Kind.CONFLICT,
          "duplicate-measure",
          "Toimenpide " + code + " on jo olemassa (there is a measure " + code + " already).");
    }
    if (identityService.createGroupQuery().groupId(ownerGroup).count() == 0) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-measure",
          "Omistajaryhmää "
              + ownerGroup
              + " ei ole (the owner group "
              + ownerGroup
              + " does not exist).");
    }
    Long objectiveId =
        reads.objectiveId(strategy, objectiveCode, Kind.INVALID, "unknown-objective");
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    long id = repository.insertMeasure(strategy.id(), objectiveId, code, name, ownerGroup);
    Measure created = new Measure(id, code, ownerGroup, MeasureStatus.NOT_STARTED, 0, null);
    measureLog.appendLog(id, now, null, null, created, source);
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
    return reads.measure(code);
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
}
