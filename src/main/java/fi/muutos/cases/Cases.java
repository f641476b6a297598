package fi.muutos.cases;

import fi.muutos.cases.CaseRepository.CaseRow;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case record of every process, kept once: a case is registered once per instance (its key was
 * claimed when the instance started, {@link CaseKeys}), enters stages (each logged with the step,
 * the system time and, where the law gives one, the legal date), and ends with an outcome. Each
 * feature sees its cases typed by its {@link CaseKind}; its own table holds only what is its own,
 * joined by the business key.
 */
@Service
public class Cases {

  private final CaseRepository repository;
  private final CaseSettings settings;
  private final Map<String, CaseKind<?>> kinds;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  private final FilingRepository filings;
  private final org.camunda.bpm.engine.HistoryService historyService;

  Cases(
      CaseRepository repository,
      CaseSettings settings,
      List<CaseKind<?>> kinds,
      Clock clock,
      ApplicationEventPublisher events,
      FilingRepository filings,
      org.camunda.bpm.engine.HistoryService historyService) {
    this.events = events;
    this.filings = filings;
    this.historyService = historyService;
    this.repository = repository;
    this.settings = settings;
    this.kinds =
        kinds.stream().collect(Collectors.toMap(CaseKind::processKey, Function.identity()));
    this.clock = clock;
  }

  /**
   * Registers the case of a starting instance in its first stage: true when it was registered now,
   * false when this instance's case was registered already (a retried first step). Only the
   * instance that claimed the key can register it.
   */
  @Transactional
  public <S extends Enum<S> & CaseStage> boolean register(
      CaseKind<S> kind,
      String businessKey,
      String processInstanceId,
      String name,
      S firstStage,
      String activityId) {
    CaseRow row = claimed(kind, businessKey);
    if (!processInstanceId.equals(row.processInstanceId())) {
      throw new DomainException(
          Kind.CONFLICT,
          "duplicate-business-key",
          "Asia tunnuksella "
              + businessKey
              + " on jo olemassa (a case with the business key "
              + businessKey
              + " exists already).");
    }
    if (name == null || name.isBlank()) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-" + kind.noun(),
          "Asialle on annettava nimi (a " + kind.noun() + " needs a name).");
    }
    String group = settings.responsibleGroups().get(kind.processKey());
    OffsetDateTime now = now();
    if (!repository.fillIn(businessKey, name.strip(), group, firstStage.name(), now)) {
      return false;
    }
    repository.log(businessKey, firstStage.name(), null, now, activityId);
    events.publishEvent(
        new CaseStageRecorded(kind.processKey(), businessKey, firstStage.name(), null));
    return true;
  }

  /**
   * A matter that has a key of its own but no stages (the planning review) gets its name and
   * responsible group on its record, so the case list names it.
   */
  @Transactional
  public void describe(String processKey, String businessKey, String name) {
    if (businessKey != null && name != null && !name.isBlank()) {
      repository.describe(
          businessKey, processKey, name.strip(), settings.responsibleGroups().get(processKey));
    }
  }

  /**
   * The case enters a stage; {@code outcome} (IN_FORCE, CANCELLED, ...) and {@code legalDate} are
   * optional.
   */
  @Transactional
  public <S extends Enum<S> & CaseStage> void enter(
      CaseKind<S> kind,
      String businessKey,
      S stage,
      String outcome,
      LocalDate legalDate,
      String activityId) {
    if (!repository.enter(
        kind.processKey(), businessKey, stage.name(), outcome, legalDate, now(), activityId)) {
      throw notFound(kind, businessKey);
    }
    events.publishEvent(
        new CaseStageRecorded(
            kind.processKey(), businessKey, stage.name(), legalDate, outcome, activityId));
  }

  /**
   * The case of this key enters the stage of this name (the generic stage step): the name must be
   * one of its process's stages.
   */
  @Transactional
  public void enter(
      String processKey,
      String businessKey,
      String stage,
      String outcome,
      LocalDate legalDate,
      String activityId) {
    CaseKind<?> kind = kinds.get(processKey);
    if (kind == null) {
      throw new IllegalStateException(processKey + " declares no CaseKind bean");
    }
    enterTyped(kind, businessKey, stage, outcome, legalDate, activityId);
  }

  private <S extends Enum<S> & CaseStage> void enterTyped(
      CaseKind<S> kind,
      String businessKey,
      String stage,
      String outcome,
      LocalDate legalDate,
      String activityId) {
    enter(kind, businessKey, kind.stage(stage), outcome, legalDate, activityId);
  }

  /** The case of this key, of this kind; a 404 when there is none. */
  @Transactional(readOnly = true)
  public <S extends Enum<S> & CaseStage> Case<S> get(CaseKind<S> kind, String businessKey) {
    return typed(kind, registered(kind, businessKey));
  }

  /** The cases of this kind (in a stage, or all when {@code stage} is null), oldest first. */
  @Transactional(readOnly = true)
  public <S extends Enum<S> & CaseStage> List<Case<S>> list(CaseKind<S> kind, S stage) {
    return repository.list(kind.processKey(), stage == null ? null : stage.name()).stream()
        .map(row -> typed(kind, row))
        .toList();
  }

  /** The stages the case entered, in order. */
  @Transactional(readOnly = true)
  public <S extends Enum<S> & CaseStage> List<StageEntry<S>> stages(
      CaseKind<S> kind, String businessKey) {
    return repository.stages(businessKey).stream()
        .map(
            s ->
                new StageEntry<>(
                    kind.stage(s.stage()), s.legalDate(), s.enteredAt(), s.activityId()))
        .toList();
  }

  /**
   * Gives the case's latest entry into {@code stage} its legal date, known only later than the
   * stage began (a draft's display starts after the drafting stage was entered); a dated entry
   * keeps its date.
   */
  @Transactional
  public <S extends Enum<S> & CaseStage> void dateStage(
      CaseKind<S> kind, String businessKey, S stage, LocalDate legalDate) {
    registered(kind, businessKey);
    repository.dateStage(businessKey, stage.name(), legalDate);
    events.publishEvent(
        new CaseStageRecorded(kind.processKey(), businessKey, stage.name(), legalDate));
  }

  /**
   * The first legal date of each stage of every case of this kind (business key → stage → date):
   * what lead times between legal dates are counted from, each case once.
   */
  @Transactional(readOnly = true)
  public <S extends Enum<S> & CaseStage> Map<String, Map<S, LocalDate>> firstLegalDates(
      CaseKind<S> kind) {
    Map<String, Map<S, LocalDate>> dates = new java.util.HashMap<>();
    for (CaseRepository.FirstLegalDate row : repository.firstLegalDates(kind.processKey())) {
      dates
          .computeIfAbsent(row.businessKey(), key -> new java.util.EnumMap<>(kind.stages()))
          .put(kind.stage(row.stage()), row.legalDate());
    }
    return dates;
  }

  /**
   * The version of its process's model each case runs (or ran) on, by instance id: what an
   * upgrade's migration changes (docs/operations.md).
   */
  @Transactional(readOnly = true)
  public Map<String, Integer> modelVersions(java.util.Collection<String> processInstanceIds) {
    java.util.Set<String> ids =
        processInstanceIds.stream()
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toCollection(java.util.HashSet::new));
    if (ids.isEmpty()) {
      return Map.of();
    }
    return historyService
        .createHistoricProcessInstanceQuery()
        .processInstanceIds(ids)
        .list()
        .stream()
        .collect(
            Collectors.toMap(
                org.camunda.bpm.engine.history.HistoricProcessInstance::getId,
                org.camunda.bpm.engine.history.HistoricProcessInstance
                    ::getProcessDefinitionVersion));
  }

  /** The version of its process's model the case with this instance runs (or ran) on. */
  @Transactional(readOnly = true)
  public Integer modelVersion(String processInstanceId) {
    return processInstanceId == null
        ? null
        : modelVersions(List.of(processInstanceId)).get(processInstanceId);
  }

  /** The legal filings on the case (ADR 0052), by filing date. */
  @Transactional(readOnly = true)
  public List<Filing> filings(String businessKey) {
    return filings.ofCase(businessKey);
  }

  /** What a record number (diaarinumero) may look like: printable, at most 64 characters. */
  private static final java.util.regex.Pattern RECORD_NUMBER =
      java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} /._:-]{0,63}");

  /**
   * The city's record number (diaarinumero) of the case's matter, taken when the case starts (the
   * case-management system's number, e.g. HEI/123/10.02.03/2026); blank leaves none.
   */
  @Transactional
  public void recordNumber(CaseKind<?> kind, String businessKey, String recordNumber) {
    if (recordNumber == null || recordNumber.isBlank()) {
      return;
    }
    String number = recordNumber.strip();
    if (!RECORD_NUMBER.matcher(number).matches()) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-" + kind.noun(),
          "Diaarinumero '"
              + recordNumber
              + "' ei kelpaa: enintään 64 merkkiä kirjaimia, numeroita, välilyöntejä ja merkkejä"
              + " / . _ : - (recordNumber).");
    }
    registered(kind, businessKey);
    Optional<String> other =
        repository.businessKeysByRecordNumber(number).stream()
            .filter(key -> !key.equals(businessKey))
            .findFirst();
    if (other.isPresent()) {
      throw duplicateRecordNumber(kind, number, other.get());
    }
    try {
      repository.recordNumber(businessKey, number);
    } catch (DuplicateKeyException raced) {
      // another case took the number in the same moment (the unique index decides)
      throw duplicateRecordNumber(kind, number, "toinen asia");
    }
  }

  private static DomainException duplicateRecordNumber(
      CaseKind<?> kind, String number, String otherCase) {
    return new DomainException(
        Kind.CONFLICT,
        "duplicate-record-number",
        "Diaarinumero "
            + number
            + " on jo asialla "
            + otherCase
            + ": diaarinumero kuuluu yhdelle asialle (a record number belongs to one case; "
            + "nothing was started).");
  }

  /** The name of the case with this business key (a plan, a reform, ...), if it is a case. */
  @Transactional(readOnly = true)
  public Optional<String> name(String businessKey) {
    return businessKey == null
        ? Optional.empty()
        : repository.find(businessKey).map(CaseRepository.CaseRow::name);
  }

  /** The group responsible for the case with this business key, if it is a case. */
  @Transactional(readOnly = true)
  public Optional<String> responsibleGroup(String businessKey) {
    return businessKey == null
        ? Optional.empty()
        : repository.find(businessKey).map(CaseRepository.CaseRow::responsibleGroup);
  }

  /** Logs a legal date entered as earlier than the day it was entered, with its reason. */
  @Transactional
  public void backdated(CaseKind<?> kind, String businessKey, Backdating entry) {
    registered(kind, businessKey);
    repository.backdated(businessKey, entry);
  }

  /** The case's backdated legal dates, in the order they were entered. */
  @Transactional(readOnly = true)
  public List<Backdating> backdatings(CaseKind<?> kind, String businessKey) {
    registered(kind, businessKey);
    return repository.backdatings(businessKey);
  }

  private CaseRow claimed(CaseKind<?> kind, String businessKey) {
    CaseRow row =
        repository
            .find(businessKey == null ? "" : businessKey)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The key "
                            + businessKey
                            + " was not claimed at start: is "
                            + kind.processKey()
                            + " in muutos.cases.key-prefixes?"));
    if (!kind.processKey().equals(row.processKey())) {
      throw new DomainException(
          Kind.CONFLICT,
          "duplicate-business-key",
          "Asia tunnuksella "
              + businessKey
              + " on jo olemassa (a case with the business key "
              + businessKey
              + " exists already).");
    }
    return row;
  }

  private CaseRow registered(CaseKind<?> kind, String businessKey) {
    return repository
        .find(businessKey == null ? "" : businessKey)
        .filter(row -> kind.processKey().equals(row.processKey()) && row.stage() != null)
        .orElseThrow(() -> notFound(kind, businessKey));
  }

  private static DomainException notFound(CaseKind<?> kind, String businessKey) {
    return new DomainException(
        Kind.NOT_FOUND,
        kind.noun() + "-not-found",
        "Asiaa tunnuksella "
            + businessKey
            + " ei ole (there is no "
            + kind.noun()
            + " with the business key "
            + businessKey
            + ").");
  }

  private static <S extends Enum<S> & CaseStage> Case<S> typed(CaseKind<S> kind, CaseRow row) {
    return new Case<>(
        row.businessKey(),
        row.processKey(),
        row.name(),
        row.responsibleGroup(),
        kind.stage(row.stage()),
        row.stageSince(),
        row.outcome(),
        row.processInstanceId(),
        row.createdAt(),
        row.recordNumber());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
