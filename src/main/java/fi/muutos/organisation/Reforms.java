package fi.muutos.organisation;

import fi.muutos.cases.Case;
import fi.muutos.cases.Cases;
import fi.muutos.organisation.ReformRepository.ReformRow;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.ProcessVariable;
import fi.muutos.platform.WorkingDays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisation and committee reforms: their content (committees, divisions, effective date,
 * measures), stages, the election of each new committee with its gender balance, and dates.
 */
@Service
public class Reforms {

  /** Laki naisten ja miesten välisestä tasa-arvosta 4 a §: at least 40 % of each. */
  static final int MIN_SHARE_PERCENT = 40;

  private final ReformRepository repository;
  private final Cases cases;
  private final WorkingDays workingDays;
  private final Clock clock;
  private final String defaultMeasures;

  Reforms(
      ReformRepository repository,
      Cases cases,
      WorkingDays workingDays,
      Clock clock,
      @Value("${muutos.reform.measures:}") String defaultMeasures) {
    this.repository = repository;
    this.cases = cases;
    this.workingDays = workingDays;
    this.clock = clock;
    this.defaultMeasures = defaultMeasures;
  }

  /** Registers a starting reform; a retried start finds its own record. */
  @Transactional
  public long register(
      String businessKey,
      String name,
      LocalDate effectiveDate,
      List<String> committees,
      List<String> divisions,
      Integer followUpMonths,
      List<String> measures,
      String processInstanceId) {
    if (effectiveDate == null) {
      throw invalid("A reform needs its effective date (effectiveDate).");
    }
    List<String> committeeNames = committees == null ? List.of() : committees;
    if (committeeNames.isEmpty()) {
      throw invalid("A reform names at least one new committee (committees).");
    }
    if (new HashSet<>(committeeNames).size() != committeeNames.size()) {
      throw invalid("Each committee is named once: " + committeeNames);
    }
    int months = followUpMonths == null ? 12 : followUpMonths;
    if (months < 1 || months > 60) {
      throw invalid("followUpMonths is between 1 and 60, not " + months);
    }
    if (!cases.register(
        ReformProcess.CASE, businessKey, processInstanceId, name, ReformStage.DRAFTING, null)) {
      return reform(businessKey).id();
    }
    List<String> measureCodes =
        measures == null || measures.isEmpty() ? ProcessVariable.items(defaultMeasures) : measures;
    long id = repository.insert(businessKey, effectiveDate, months, String.join(",", measureCodes));
    for (int i = 0; i < committeeNames.size(); i++) {
      repository.addCommittee(id, i, committeeNames.get(i));
    }
    List<String> divisionNames = divisions == null ? List.of() : divisions;
    for (int i = 0; i < divisionNames.size(); i++) {
      repository.addDivision(id, i, divisionNames.get(i));
    }
    return id;
  }

  /** The council approved the reform on {@code decidedOn}: implementation starts. */
  @Transactional
  public void approved(long reformId, LocalDate decidedOn, String activityId) {
    ReformRow reform = reform(reformId);
    repository.councilDecision(reformId, decidedOn);
    cases.enter(
        ReformProcess.CASE,
        reform.businessKey(),
        ReformStage.IMPLEMENTATION,
        null,
        decidedOn,
        activityId);
  }

  /** The appeal period after the decision's notice; returns when it is over. */
  @Transactional
  public OffsetDateTime startAppealPeriod(long reformId, LocalDate noticePublished) {
    reform(reformId);
    LocalDate lastDay = workingDays.appealPeriodEnd(noticePublished);
    repository.appealEndsOn(reformId, lastDay);
    return workingDays.endOf(lastDay);
  }

  /** The moment the reform enters into force (the start of its effective date). */
  public OffsetDateTime entryIntoForceAt(long reformId) {
    return reform(reformId).effectiveDate().atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  /** When the follow-up review is due: the configured months after entry into force. */
  public OffsetDateTime followUpAt(long reformId) {
    ReformRow reform = reform(reformId);
    return reform
        .effectiveDate()
        .plusMonths(reform.followUpMonths())
        .atStartOfDay(clock.getZone())
        .toOffsetDateTime();
  }

  /** The names of the reform's new committees, in order. */
  public List<String> committees(long reformId) {
    return repository.committees(reformId).stream().map(ReformView.CommitteeView::name).toList();
  }

  /** The measures the reform advances (codes). */
  public List<String> measures(long reformId) {
    return ProcessVariable.items(reform(reformId).measures());
  }

  /**
   * Records a committee's elected members. Refused when either gender has less than 40 % of the
   * seats (tasa-arvolaki 4 a §): the task stays open for a balanced proposal.
   */
  @Transactional
  public void electCommittee(
      long reformId, String committee, String members, Integer women, Integer men) {
    reform(reformId);
    if (women == null || men == null || women < 0 || men < 0) {
      throw invalid("Anna naisten ja miesten määrä (women, men).");
    }
    int total = women.intValue() + men.intValue();
    if (total == 0) {
      throw invalid("Toimielimeen " + committee + " on valittava jäseniä.");
    }
    if (women.intValue() * 100 < MIN_SHARE_PERCENT * total
        || men.intValue() * 100 < MIN_SHARE_PERCENT * total) {
      throw new DomainException(
          Kind.INVALID,
          "gender-balance",
          "Toimielimen "
              + committee
              + " kokoonpano ei täytä tasa-arvolain 4 a §:n vaatimusta: naisia "
              + women
              + ", miehiä "
              + men
              + "; kumpaakin on oltava vähintään "
              + MIN_SHARE_PERCENT
              + " %.");
    }
    if (repository.elect(reformId, committee, members, women.intValue(), men.intValue(), now())
        != 1) {
      throw invalid("Reform " + reformId + " has no committee " + committee);
    }
  }

  @Transactional(readOnly = true)
  public ReformView find(long reformId) {
    return view(reform(reformId));
  }

  /** The reform's id (what its facade answers a start with), without building its view. */
  @Transactional(readOnly = true)
  public long idOf(String businessKey) {
    return reform(businessKey).id();
  }

  @Transactional(readOnly = true)
  public ReformView findByBusinessKey(String businessKey) {
    return view(reform(businessKey));
  }

  private ReformView view(ReformRow r) {
    Case<ReformStage> reform = cases.get(ReformProcess.CASE, r.businessKey());
    return new ReformView(
        r.id(),
        r.businessKey(),
        reform.name(),
        reform.stage(),
        reform.stageLabel(),
        reform.outcome(),
        r.effectiveDate(),
        r.followUpMonths(),
        reform.responsibleGroup(),
        reform.processInstanceId(),
        r.councilDecisionOn(),
        r.appealEndsOn(),
        repository.committees(r.id()),
        repository.divisions(r.id()),
        cases.stages(ReformProcess.CASE, r.businessKey()),
        reform.createdAt());
  }

  private ReformRow reform(long reformId) {
    return repository.find(reformId).orElseThrow(() -> notFound(String.valueOf(reformId)));
  }

  private ReformRow reform(String businessKey) {
    return repository.findByBusinessKey(businessKey).orElseThrow(() -> notFound(businessKey));
  }

  private static DomainException invalid(String message) {
    return new DomainException(Kind.INVALID, "invalid-reform", message);
  }

  private static DomainException notFound(String id) {
    return new DomainException(
        Kind.NOT_FOUND, "reform-not-found", "There is no reform " + id + ".");
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
