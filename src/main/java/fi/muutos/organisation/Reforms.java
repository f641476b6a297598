package fi.muutos.organisation;

import fi.muutos.organisation.ReformRepository.ReformRow;
import fi.muutos.platform.BusinessKeys;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.WorkingDays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
  private final WorkingDays workingDays;
  private final Clock clock;
  private final String defaultMeasures;

  Reforms(
      ReformRepository repository,
      WorkingDays workingDays,
      Clock clock,
      @Value("${muutos.reform.measures:}") String defaultMeasures) {
    this.repository = repository;
    this.workingDays = workingDays;
    this.clock = clock;
    this.defaultMeasures = defaultMeasures;
  }

  /** Registers a starting reform; a retried start finds its own record. */
  @Transactional
  public long register(
      String businessKey,
      String name,
      String effectiveDate,
      String committees,
      String divisions,
      Integer followUpMonths,
      String measures,
      String processInstanceId) {
    var existing = repository.findByBusinessKey(businessKey);
    if (existing.isPresent()) {
      if (processInstanceId.equals(existing.get().processInstanceId())) {
        return existing.get().id();
      }
      throw new DomainException(
          Kind.CONFLICT,
          "duplicate-business-key",
          "A reform with the business key " + businessKey + " exists already.");
    }
    if (name == null || name.isBlank()) {
      throw invalid("A reform needs a name.");
    }
    LocalDate effective = date(effectiveDate, "effectiveDate");
    List<String> committeeNames = list(committees);
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
    String measureCodes =
        String.join(",", list(measures == null || measures.isBlank() ? defaultMeasures : measures));
    long id =
        repository.insert(
            businessKey,
            name.strip(),
            effective,
            months,
            "hallinto",
            measureCodes,
            processInstanceId,
            now());
    for (int i = 0; i < committeeNames.size(); i++) {
      repository.addCommittee(id, i, committeeNames.get(i));
    }
    List<String> divisionNames = list(divisions);
    for (int i = 0; i < divisionNames.size(); i++) {
      repository.addDivision(id, i, divisionNames.get(i));
    }
    repository.stage(id, ReformStage.DRAFTING, null, now(), null);
    return id;
  }

  @Transactional
  public void recordStage(long reformId, ReformStage stage, String outcome, String activityId) {
    reform(reformId);
    repository.stage(reformId, stage, outcome, now(), activityId);
  }

  /** The council approved the reform on {@code decidedOn}: implementation starts. */
  @Transactional
  public void approved(long reformId, String decidedOn, String activityId) {
    reform(reformId);
    repository.councilDecision(reformId, date(decidedOn, "decisionDate"));
    repository.stage(reformId, ReformStage.IMPLEMENTATION, null, now(), activityId);
  }

  /** The appeal period after the decision's notice; returns when it is over. */
  @Transactional
  public OffsetDateTime startAppealPeriod(long reformId, String noticePublished) {
    reform(reformId);
    LocalDate lastDay = workingDays.appealPeriodEnd(date(noticePublished, "noticeDate"));
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
    return list(repository.measures(reformId));
  }

  /**
   * Records a committee's elected members. Refused when either gender has less than 40 % of the
   * seats (tasa-arvolaki 4 a §): the task stays open for a balanced proposal.
   */
  @Transactional
  public void electCommittee(
      long reformId, String committee, String members, Number women, Number men) {
    reform(reformId);
    if (women == null || men == null || women.intValue() < 0 || men.intValue() < 0) {
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

  @Transactional(readOnly = true)
  public ReformView findByBusinessKey(String businessKey) {
    return view(repository.findByBusinessKey(businessKey).orElseThrow(() -> notFound(businessKey)));
  }

  private ReformView view(ReformRow r) {
    return new ReformView(
        r.id(),
        r.businessKey(),
        r.name(),
        r.stage(),
        r.stage().label(),
        r.outcome(),
        r.effectiveDate(),
        r.followUpMonths(),
        r.responsibleGroup(),
        r.processInstanceId(),
        r.councilDecisionOn(),
        r.appealEndsOn(),
        repository.committees(r.id()),
        repository.divisions(r.id()),
        repository.stages(r.id()),
        r.createdAt());
  }

  private ReformRow reform(long reformId) {
    return repository.find(reformId).orElseThrow(() -> notFound(String.valueOf(reformId)));
  }

  static List<String> list(String commaSeparated) {
    return BusinessKeys.commaList(commaSeparated);
  }

  private static LocalDate date(String value, String name) {
    try {
      return LocalDate.parse(value == null ? "" : value.strip());
    } catch (DateTimeParseException e) {
      throw invalid(name + " must be a date (YYYY-MM-DD), not '" + value + "'.");
    }
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
