package fi.muutos.cases;

import fi.muutos.cases.CaseFilingProcess.Vars;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal filings as facts on their case (ADR 0052). The inbox writes a filing for a known case in
 * the transaction that stores the event, before and regardless of correlation; the step that takes
 * it marks it taken in the correlation's transaction; one that no step takes (the step had passed,
 * or the case ended) is judged by its filing date ({@link FilingJudge}) and becomes a task of the
 * case's group ({@link CaseFilingProcess}). Nothing a person filed disappears.
 */
@Service
public class Filings {

  private static final Logger LOG = LoggerFactory.getLogger(Filings.class);
  private static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

  private final FilingRepository repository;
  private final CaseRepository cases;
  private final org.springframework.beans.factory.ObjectProvider<FilingJudge> judges;
  private final RuntimeService runtimeService;
  private final Clock clock;

  Filings(
      FilingRepository repository,
      CaseRepository cases,
      org.springframework.beans.factory.ObjectProvider<FilingJudge> judges,
      RuntimeService runtimeService,
      Clock clock) {
    this.repository = repository;
    this.cases = cases;
    this.judges = judges; // resolved when used: the features' judges use the cases' facade
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /**
   * Writes the filing on its case when the business key is a case's; returns whether it did. Joins
   * the caller's transaction (the inbox row's).
   */
  @Transactional
  public boolean receive(Filing.Received filing) {
    if (filing.businessKey() == null
        || filing.filedOn() == null
        || cases.find(filing.businessKey()).isEmpty()) {
      return false;
    }
    repository.insert(filing);
    return true;
  }

  /**
   * The event's step took the filing (in the correlation's transaction). False when the event has a
   * filing that no longer waits for a step (it was judged outside its step meanwhile): the
   * correlation must then roll back, so that it counts once.
   */
  @Transactional
  public boolean taken(String eventId, String processInstanceId) {
    if (repository.taken(eventId, processInstanceId, now())) {
      return true;
    }
    return repository.byEvent(eventId).isEmpty();
  }

  /** Whether the event is a filing on a case that still waits for its step. */
  @Transactional(readOnly = true)
  public boolean waitsForStep(String eventId) {
    return repository
        .byEvent(eventId)
        .filter(f -> Filing.Status.RECEIVED.name().equals(f.status()))
        .isPresent();
  }

  /**
   * No step took the filing: it stays on its case, judged by its filing date, and its case's group
   * gets a task. Empty when the event has no filing waiting (none, or a step took it meanwhile).
   */
  @Transactional
  public Optional<Filing> outsideStep(String eventId) {
    if (!repository.outsideStep(eventId)) {
      return Optional.empty();
    }
    Filing filing = repository.byEvent(eventId).orElseThrow();
    String judgement =
        judges
            .orderedStream()
            .map(judge -> judge.judge(filing))
            .flatMap(Optional::stream)
            .findFirst()
            .orElse(
                "Ei mitään: menettely ei enää odottanut tätä asiakirjaa, eikä sille ole "
                    + "automaattista sääntöä. Asiakirja on kirjattu asialle jättöpäivänsä mukaan.");
    CaseRepository.CaseRow row = cases.find(filing.businessKey()).orElseThrow();
    Map<String, Object> variables = new HashMap<>();
    Vars.FILING_ID.put(variables, filing.id());
    // a case always has its process's group (muutos.cases.responsible-groups); administrators
    // otherwise, so that the task is never nobody's
    String group = row.responsibleGroup() == null ? "camunda-admin" : row.responsibleGroup();
    Vars.RESPONSIBLE_GROUP.put(variables, group);
    Vars.CASE_KEY.put(variables, filing.businessKey());
    Vars.CASE_NAME.put(variables, row.name() == null ? filing.businessKey() : row.name());
    Vars.LABEL.put(variables, filing.label());
    Vars.FILED_ON_TEXT.put(variables, FINNISH_DATE.format(filing.filedOn()));
    Vars.REFERENCE_TEXT.put(
        variables,
        filing.reference() == null || filing.reference().isBlank()
            ? ""
            : " (viite " + filing.reference() + ")");
    Vars.JUDGEMENT.put(variables, judgement);
    String instance =
        runtimeService
            .startProcessInstanceByKey(CaseFilingProcess.KEY, filing.businessKey(), variables)
            .getId();
    repository.judged(filing.id(), judgement, instance);
    LOG.info(
        "{} of {} (filed {}) reached no step: kept on the case, task {} for {}",
        filing.eventType(),
        filing.businessKey(),
        filing.filedOn(),
        instance,
        group);
    return repository.byEvent(eventId);
  }

  /** The group's task is done: the filing is handled, by whom and how. */
  @Transactional
  public void handled(long filingId, String user, String note) {
    repository.handled(filingId, user, note, now());
  }

  /** The filings on a case, by filing date. */
  @Transactional(readOnly = true)
  public List<Filing> of(String businessKey) {
    return repository.ofCase(businessKey);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
