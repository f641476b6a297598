package fi.muutos.organisation;

import fi.muutos.cases.Case;
import fi.muutos.cases.Cases;
import fi.muutos.cases.CouncilDecisions;
import fi.muutos.cases.CouncilDecisions.AppealPeriod;
import fi.muutos.organisation.ReformRepository.ReformRow;
import fi.muutos.platform.Decision;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.ProcessVariable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisation and committee reforms in their legal order (kuntalaki 410/2015): the content
 * (bodies, divisions, proposed effective date, interim term, measures); the council's decision,
 * which sets the effective date; the board's legality check and enforcement (96 §, 39 §); each
 * body's election (tasa-arvolaki 4 a §) and delegation once constituted (91 §); the minutes on
 * display and the appeal period (140 §); appeals and enforcement bans; entry into force on the
 * decided date (143 §). The bodies' elections are {@link CommitteeElections}', the appeals and
 * enforcement bans {@link ReformAppeals}'.
 */
@Service
public class Reforms {

  private final ReformRepository repository;
  private final Cases cases;
  private final CouncilDecisions decisions;
  private final Clock clock;
  private final String defaultMeasures;

  Reforms(
      ReformRepository repository,
      Cases cases,
      CouncilDecisions decisions,
      Clock clock,
      @Value("${muutos.reform.measures:}") String defaultMeasures) {
    this.repository = repository;
    this.cases = cases;
    this.decisions = decisions;
    this.clock = clock;
    this.defaultMeasures = defaultMeasures;
  }

  /**
   * Registers a starting reform; a retried start finds its own record. The effective date is only
   * proposed here: the council's decision sets it.
   */
  @Transactional
  public long register(StartReform start, String processInstanceId) {
    String businessKey = start.businessKey();
    LocalDate proposedEffectiveDate = start.proposedEffectiveDate();
    LocalDate interimTermEnds = start.interimTermEnds();
    List<String> measures = start.measures();
    List<String> committeeNames = start.committees() == null ? List.of() : start.committees();
    if (committeeNames.isEmpty()) {
      throw invalid(
          "Uudistuksessa on nimettävä vähintään yksi uusi toimielin (committees; a reform names at least one new committee).");
    }
    if (new HashSet<>(committeeNames).size() != committeeNames.size()) {
      throw invalid(
          "Kukin toimielin nimetään kerran (each committee is named once): " + committeeNames);
    }
    int months = start.followUpMonths() == null ? 12 : start.followUpMonths();
    if (months < 1 || months > 60) {
      throw invalid("followUpMonths is between 1 and 60, not " + months);
    }
    if (interimTermEnds != null
        && proposedEffectiveDate != null
        && !interimTermEnds.isAfter(proposedEffectiveDate)) {
      throw invalid(
          "Väliaikainen toimikausi (interimTermEnds) päättyy "
              + fi.muutos.platform.FormLabels.date(interimTermEnds)
              + ", ehdotetun voimaantulopäivän "
              + fi.muutos.platform.FormLabels.date(proposedEffectiveDate)
              + " jälkeen (the interim term ends after the proposed effective date).");
    }
    if (!cases.register(
        ReformProcess.CASE,
        businessKey,
        processInstanceId,
        start.name(),
        ReformStage.DRAFTING,
        null)) {
      return reform(businessKey).id();
    }
    List<String> measureCodes =
        measures == null || measures.isEmpty() ? ProcessVariable.items(defaultMeasures) : measures;
    long id =
        repository.insert(
            businessKey,
            proposedEffectiveDate,
            interimTermEnds,
            months,
            String.join(",", measureCodes));
    for (int i = 0; i < committeeNames.size(); i++) {
      repository.addCommittee(id, i, committeeNames.get(i));
    }
    List<String> divisionNames = start.divisions() == null ? List.of() : start.divisions();
    for (int i = 0; i < divisionNames.size(); i++) {
      repository.addDivision(id, i, divisionNames.get(i));
    }
    return id;
  }

  /**
   * Checks a council decision where the registry's form and the meeting system's event meet: the
   * council's (kuntalaki 14 §), not dated ahead; an approval has its effective date (the decided
   * one, else the proposed one), not before the decision and before any interim term's end. Returns
   * that date for an approval.
   */
  @Transactional(readOnly = true)
  public Optional<LocalDate> checkDecision(long reformId, Decision.Facts decision) {
    decisions.checkCouncil(decision);
    return effectiveDate(reformId, decision.outcome(), decision.date(), decision.effectiveDate());
  }

  private Optional<LocalDate> effectiveDate(
      long reformId, String outcome, LocalDate decidedOn, LocalDate decidedEffectiveDate) {
    ReformRow reform = reform(reformId);
    decisions.checkNotAhead(decidedOn);
    if (!"APPROVED".equals(outcome)) {
      return Optional.empty();
    }
    LocalDate effective =
        decidedEffectiveDate != null ? decidedEffectiveDate : reform.proposedEffectiveDate();
    if (effective == null) {
      throw DomainException.legalDate(
          "Valtuuston päätöksestä puuttuu voimaantulopäivä (effectiveDate): uudistukselle ei "
              + "ehdotettu päivää, joten päätöksen on asetettava se.");
    }
    if (decidedOn != null && effective.isBefore(decidedOn)) {
      throw DomainException.legalDate(
          "Voimaantulopäivä "
              + effective
              + " on ennen valtuuston päätöstä "
              + decidedOn
              + " (effectiveDate).");
    }
    if (reform.interimTermEnds() != null && !reform.interimTermEnds().isAfter(effective)) {
      throw DomainException.legalDate(
          "Voimaantulopäivä "
              + effective
              + " ei ole ennen väliaikaisen toimikauden loppua "
              + reform.interimTermEnds()
              + ".");
    }
    return Optional.of(effective);
  }

  /** The council approved the reform on {@code decidedOn}, to take effect on {@code effective}. */
  @Transactional
  public void approved(long reformId, Decision.Facts decision, String activityId) {
    ReformRow reform = reform(reformId);
    LocalDate decidedOn = decision.date();
    LocalDate effective =
        effectiveDate(reformId, "APPROVED", decidedOn, decision.effectiveDate()).orElseThrow();
    repository.councilDecision(reformId, decidedOn, effective);
    decisions.approved(
        ReformProcess.CASE,
        reform.businessKey(),
        ReformStage.LEGALITY_CHECK,
        decidedOn,
        activityId);
  }

  /**
   * The board found the council's decision lawful and enforces it (kuntalaki 96 §, 39 §):
   * implementation starts. The board's decision is not before the council's nor in the future.
   */
  @Transactional
  public void enforced(long reformId, LocalDate checkedOn, String activityId) {
    ReformRow reform = reform(reformId);
    decisions.enforced(
        ReformProcess.CASE,
        reform.businessKey(),
        ReformStage.IMPLEMENTATION,
        reform.councilDecisionOn(),
        checkedOn,
        activityId);
    repository.legalityChecked(reformId, checkedOn);
  }

  /** The appeal period after the minutes went on public display; returns when it is over. */
  @Transactional
  public OffsetDateTime startAppealPeriod(long reformId, LocalDate minutesPublished) {
    AppealPeriod period =
        decisions.appealPeriod(reform(reformId).councilDecisionOn(), minutesPublished);
    repository.appealEndsOn(reformId, period.lastDay());
    return period.endsAt();
  }

  /** The moment the reform enters into force: the start of the decided effective date. */
  public OffsetDateTime entryIntoForceAt(long reformId) {
    return startOf(reform(reformId).decided().effectiveDate());
  }

  /**
   * The decided date has come. Under an enforcement ban the reform does not enter into force:
   * returns the moment to look again (the next day). Otherwise it is in force from the decided
   * date, or from the day the ban was lifted if that is later.
   */
  @Transactional
  public Optional<OffsetDateTime> enterIntoForce(long reformId, String activityId) {
    ReformRow reform = reform(reformId).decided();
    if (reform.enforcementBanned()) {
      return Optional.of(startOf(today().plusDays(1)));
    }
    LocalDate on = reform.effectiveDate();
    if (reform.enforcementBanLiftedOn() != null && reform.enforcementBanLiftedOn().isAfter(on)) {
      on = reform.enforcementBanLiftedOn();
    }
    repository.inForce(reformId, on);
    cases.enter(
        ReformProcess.CASE, reform.businessKey(), ReformStage.IN_FORCE, null, on, activityId);
    return Optional.empty();
  }

  /** When the follow-up review is due: the configured months after the decided effective date. */
  public OffsetDateTime followUpAt(long reformId) {
    ReformRow reform = reform(reformId).decided();
    return startOf(reform.effectiveDate().plusMonths(reform.followUpMonths()));
  }

  /**
   * After the bodies' elections for {@code term}: when the next term starts (the day after the
   * interim term), or empty when there is none.
   */
  public Optional<OffsetDateTime> nextTermStartsAt(long reformId, int term) {
    ReformRow reform = reform(reformId);
    if (term == 1 && reform.interimTermEnds() != null) {
      return Optional.of(startOf(reform.interimTermEnds().plusDays(1)));
    }
    return Optional.empty();
  }

  /** The names of the reform's new committees, in order. */
  public List<String> committees(long reformId) {
    return repository.committees(reformId).stream().map(ReformView.CommitteeView::name).toList();
  }

  /** The measures the reform advances (codes). */
  public List<String> measures(long reformId) {
    return ProcessVariable.items(reform(reformId).measures());
  }

  /** The budget binding levels are the council's decision (kuntalaki 110 §), already made. */
  @Transactional(readOnly = true)
  public void checkBudgetDecision(long reformId, LocalDate decidedOn) {
    decisions.actDone("budgetDecisionDate", decidedOn, null, null);
  }

  /** An enforcement ban stops every step that enforces the council's decision. */
  @Transactional(readOnly = true)
  public void requireEnforceable(long reformId) {
    reform(reformId).requireEnforceable();
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
        r.proposedEffectiveDate(),
        r.effectiveDate(),
        r.interimTermEnds(),
        r.followUpMonths(),
        reform.responsibleGroup(),
        reform.processInstanceId(),
        r.councilDecisionOn(),
        r.legalityCheckedOn(),
        r.appealEndsOn(),
        r.inForceOn(),
        r.enforcementBannedOn() == null
            ? null
            : new ReformView.EnforcementBan(r.enforcementBannedOn(), r.enforcementBanLiftedOn()),
        repository.appeals(r.id()),
        repository.committees(r.id()),
        repository.divisions(r.id()),
        cases.stages(ReformProcess.CASE, r.businessKey()),
        reform.createdAt(),
        cases.filings(r.businessKey()),
        cases.modelVersion(reform.processInstanceId()));
  }

  private ReformRow reform(long reformId) {
    return repository.require(reformId);
  }

  private ReformRow reform(String businessKey) {
    return repository.require(businessKey);
  }

  /** A reform's value that the law or the record does not allow (400). */
  static DomainException invalid(String message) {
    return new DomainException(Kind.INVALID, "invalid-reform", message);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
