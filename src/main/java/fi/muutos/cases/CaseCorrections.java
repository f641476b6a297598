package fi.muutos.cases;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of a case's recorded legal facts (issue 34, N10): a legal date entered wrong, or a
 * state recorded in error (legal force, when an appeal lodged in time is found later). Each is an
 * act of its own on the case's record, never an edit that leaves no trace; the corrected stage is
 * published again (the register gets it anew).
 */
@Service
public class CaseCorrections {

  private final Cases cases;
  private final CaseRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CaseCorrections(
      Cases cases, CaseRepository repository, ApplicationEventPublisher events, Clock clock) {
    this.cases = cases;
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Corrects the legal date of the case's latest entry into {@code stage}: the entry takes the new
   * date, and the correction (from what, why, who, when) is its own entry on the record. A stage
   * the case never entered is a 409.
   */
  @Transactional
  public <S extends Enum<S> & CaseStage> Correction correctLegalDate(
      CaseKind<S> kind, String businessKey, S stage, LocalDate date, String reason, String by) {
    cases.get(kind, businessKey);
    if (!repository.hasStage(businessKey, stage.name())) {
      throw new DomainException(
          Kind.CONFLICT,
          "stage-not-recorded",
          "Asialla "
              + businessKey
              + " ei ole vaihetta "
              + stage.label()
              + ", jonka päivää korjata.");
    }
    LocalDate before = repository.redateStage(businessKey, stage.name(), date).orElse(null);
    Correction entry = new Correction(stage.name(), before, date, null, reason, now(), by, null);
    repository.corrected(businessKey, entry);
    events.publishEvent(new CaseStageRecorded(kind.processKey(), businessKey, stage.name(), date));
    return entry;
  }

  /**
   * Records that {@code wrong} was recorded in error and the case went back to {@code newStage}
   * (the step that moved it made the entry into that stage).
   */
  @Transactional
  public <S extends Enum<S> & CaseStage> void correctedState(
      CaseKind<S> kind, String businessKey, S wrong, S newStage, String reason, String activityId) {
    cases.get(kind, businessKey);
    repository.corrected(
        businessKey,
        new Correction(
            wrong.name(), null, null, newStage.name(), reason, now(), "järjestelmä", activityId));
  }

  /** The case's corrections, oldest first. */
  @Transactional(readOnly = true)
  public <S extends Enum<S> & CaseStage> List<Correction> corrections(
      CaseKind<S> kind, String businessKey) {
    cases.get(kind, businessKey);
    return repository.corrections(businessKey);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
