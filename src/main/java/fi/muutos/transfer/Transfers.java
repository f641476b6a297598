package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Elements;

import fi.muutos.cases.Case;
import fi.muutos.cases.Cases;
import fi.muutos.cases.CouncilDecisions;
import fi.muutos.cases.CouncilDecisions.AppealPeriod;
import fi.muutos.platform.Decision;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.ProcessVariable;
import fi.muutos.platform.WorkingDays;
import fi.muutos.transfer.TransferRepository.TransferRow;
import fi.muutos.transfer.TransferView.Branch;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers of a service to a company in their legal order: the arrangement (a new company, an
 * existing one, or a joining/funding agreement, which is no transfer of business); the in-house
 * assessment before the board's proposal (hankintalaki 1397/2016 15 §); the council's decision, the
 * board's legality check and the appeal period (kuntalaki 96 §, 140 §); the founding of a new
 * company (its board under tasa-arvolaki 4 a §, the filing for registration within 3 months of
 * signing or the founding lapses, OYL 624/2006 2:8–9); the pension arrangement after the founding
 * documents exist; staff under TSL 1:10 and KVhL 25 §; the dates of the transfer. The in-house rule
 * is {@link InHouseRule}, the new company's founding {@link CompanyFoundings}'.
 */
@Service
public class Transfers {

  /** The recipient informs the staff representatives within a week of the transfer. */
  static final int INFORM_DAYS = 7;

  private final TransferRepository repository;
  private final Cases cases;
  private final CouncilDecisions decisions;
  private final WorkingDays workingDays;
  private final HistoryService historyService;
  private final Clock clock;
  private final InHouseRule inHouse;

  private final TransferCourts courts;

  Transfers(
      TransferRepository repository,
      Cases cases,
      CouncilDecisions decisions,
      WorkingDays workingDays,
      HistoryService historyService,
      Clock clock,
      InHouseRule inHouse,
      TransferCourts courts) {
    this.courts = courts;
    this.repository = repository;
    this.cases = cases;
    this.decisions = decisions;
    this.workingDays = workingDays;
    this.historyService = historyService;
    this.clock = clock;
    this.inHouse = inHouse;
  }

  /** Registers a starting transfer; a retried start finds its own record. */
  @Transactional
  public long register(StartTransfer start, String processInstanceId) {
    String businessKey = start.businessKey();
    String serviceName = start.serviceName();
    String recipient = start.recipient();
    boolean staffMoving = start.staffMoving();
    if (serviceName == null || serviceName.isBlank() || recipient == null || recipient.isBlank()) {
      throw invalid(
          "Siirrosta nimetään palvelu (serviceName) ja vastaanottava yhtiö (recipient; a transfer names the service and the recipient company).");
    }
    if (start.transferDate() == null) {
      throw invalid("Siirrolle on annettava päivä (transferDate; a transfer needs its date).");
    }
    Arrangement how = start.arrangement();
    if (!how.transferOfBusiness() && staffMoving) {
      throw invalid(
          "Liittymis- tai rahoitussopimus ei ole liikkeen luovutus: henkilöstö ei siirry sen mukana"
              + " (staffMoving; a joining or funding agreement is no transfer of business).");
    }
    if (!cases.register(
        TransferProcess.CASE,
        businessKey,
        processInstanceId,
        serviceName,
        TransferStage.OPTIONS,
        null)) {
      return transfer(businessKey).id();
    }
    return repository.insert(
        businessKey,
        start.serviceKind(),
        recipient.strip(),
        how,
        staffMoving,
        start.transferDate(),
        String.join(",", start.measures() == null ? List.of() : start.measures()));
  }

  /** The moment of the transfer (the start of its date). */
  /** The transfer's date as now decided. */
  public LocalDate transferDate(long id) {
    return transfer(id).transferDate();
  }

  public OffsetDateTime transferAt(long id) {
    return transfer(id).transferDate().atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  /** When the recipient must have informed the staff representatives: 7 days after transfer. */
  public OffsetDateTime informDue(long id) {
    return workingDays.endOf(
        workingDays.onOrAfter(transfer(id).transferDate().plusDays(INFORM_DAYS)));
  }

  /**
   * Assesses the company's in-house status before the board's proposal ({@link InHouseRule},
   * hankintalaki 15 §) and records the result with its reasons. Returns the result.
   */
  @Transactional
  public boolean assessInHouse(long id, InHouseRule.Facts facts) {
    transfer(id);
    InHouseRule.Assessment assessment = inHouse.assess(facts);
    repository.inHouseAssessed(
        id,
        BigDecimal.valueOf(facts.ownershipShare()),
        BigDecimal.valueOf(facts.businessWithOwners()),
        BigDecimal.valueOf(facts.outsideTurnover()),
        facts.privateCapital(),
        assessment.inHouse(),
        assessment.inHouse()
            ? "Sidosyksikön edellytykset täyttyvät (hankintalaki 15 §)."
            : String.join("; ", assessment.reasons()));
    return assessment.inHouse();
  }

  /**
   * A council decision, where the registry's form and the meeting system's event meet: the
   * council's, not ahead.
   */
  @Transactional(readOnly = true)
  public void checkDecision(long id, Decision.Facts decision) {
    TransferRow transfer = transfer(id);
    decisions.checkCouncil(decision);
    LocalDate decidedOn = decision.date();
    decisions.checkNotAhead(decidedOn);
    LocalDate date =
        decision.effectiveDate() != null ? decision.effectiveDate() : transfer.transferDate();
    if ("APPROVED".equals(decision.outcome()) && decidedOn != null && date.isBefore(decidedOn)) {
      throw DomainException.legalDate(
          "Siirtopäivä "
              + date
              + " on ennen valtuuston päätöstä "
              + decidedOn
              + ": valtuusto päättää siirtopäivän (effectiveDate), siirto ei voi tapahtua ennen"
              + " päätöstä.");
    }
  }

  /**
   * The council approved the transfer on {@code decidedOn}, on the date it decided (else the
   * proposed one): the board's legality check next.
   */
  @Transactional
  public void approved(long id, Decision.Facts decision, String activityId) {
    TransferRow transfer = transfer(id);
    LocalDate decidedOn = decision.date();
    if (decision.effectiveDate() != null) {
      repository.transferDate(id, decision.effectiveDate());
    }
    decisions.approved(
        TransferProcess.CASE,
        transfer.businessKey(),
        TransferStage.LEGALITY_CHECK,
        decidedOn,
        activityId);
    repository.councilDecision(id, decidedOn);
  }

  /** The board found the decision lawful and enforces it (kuntalaki 96 §, 39 §). */
  @Transactional
  public void enforced(long id, LocalDate checkedOn, String activityId) {
    TransferRow transfer = transfer(id);
    decisions.enforced(
        TransferProcess.CASE,
        transfer.businessKey(),
        TransferStage.IMPLEMENTATION,
        transfer.councilDecisionOn(),
        checkedOn,
        activityId);
    repository.legalityChecked(id, checkedOn);
  }

  /**
   * The appeal period after the minutes went on display (7th-day rule + 30 days); returns when it
   * is over.
   */
  @Transactional
  public OffsetDateTime startAppealPeriod(long id, LocalDate published) {
    AppealPeriod period = decisions.appealPeriod(transfer(id).councilDecisionOn(), published);
    repository.appealEndsOn(id, period.lastDay());
    return period.endsAt();
  }

  /**
   * Staff move as employees (TSL 1:10) and office-holders (KVhL 25 §): at least one person; when
   * office-holders move, the decision on their offices is recorded (review T6).
   */
  public void checkStaff(Integer employees, Integer officeHolders, String officesDecision) {
    int people = (employees == null ? 0 : employees) + (officeHolders == null ? 0 : officeHolders);
    if (people <= 0) {
      throw invalid(
          "Kirjaa siirtyvät työntekijät ja viranhaltijat (employeeCount, officeHolderCount).");
    }
    if (officeHolders != null
        && officeHolders > 0
        && (officesDecision == null || officesDecision.isBlank())) {
      throw invalid(
          "Viranhaltijoita siirtyy: kirjaa päätös viroista (toimielin, päivä ja pykälä;"
              + " officesDecision).");
    }
  }

  /**
   * The transfer date came and every condition is met: a transfer of business is transferred; a
   * joining or funding agreement is in force (its record never says transferred). The day recorded
   * is the day it happened: the transfer date, or the later day of its last condition, never before
   * the decision, the enforcement, the company's registration or the agreements (review T3).
   * Returns that day.
   */
  @Transactional
  public LocalDate takeEffect(long id, List<LocalDate> agreements, String activityId) {
    TransferRow transfer = transfer(id);
    LocalDate on = transfer.transferDate();
    List<LocalDate> conditions = new java.util.ArrayList<>(agreements);
    conditions.add(transfer.councilDecisionOn());
    conditions.add(transfer.legalityCheckedOn());
    conditions.add(transfer.registeredOn());
    for (LocalDate condition : conditions) {
      if (condition != null && condition.isAfter(on)) {
        on = condition;
      }
    }
    cases.enter(
        TransferProcess.CASE,
        transfer.businessKey(),
        transfer.arrangement().transferOfBusiness()
            ? TransferStage.TRANSFERRED
            : TransferStage.AGREEMENT_IN_FORCE,
        null,
        on,
        activityId);
    return on;
  }

  public Arrangement arrangement(long id) {
    return transfer(id).arrangement();
  }

  public ServiceKind serviceKind(long id) {
    return transfer(id).serviceKind();
  }

  public List<String> measures(long id) {
    return ProcessVariable.items(transfer(id).measures());
  }

  @Transactional(readOnly = true)
  public TransferView find(long id) {
    return view(transfer(id));
  }

  /** The transfer's id (what its facade answers a start with), without building its view. */
  @Transactional(readOnly = true)
  public long idOf(String businessKey) {
    return transfer(businessKey).id();
  }

  @Transactional(readOnly = true)
  public TransferView findByBusinessKey(String businessKey) {
    return view(transfer(businessKey));
  }

  private TransferView view(TransferRow t) {
    Case<TransferStage> transfer = cases.get(TransferProcess.CASE, t.businessKey());
    Set<String> done =
        transfer.processInstanceId() == null
            ? Set.of()
            : historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(transfer.processInstanceId())
                .finished()
                .list()
                .stream()
                .map(a -> a.getActivityId())
                .collect(Collectors.toSet());
    List<Branch> branches =
        Elements.BRANCHES.stream()
            .map(b -> new Branch(b, applies(t, b), done.contains(b)))
            .toList();
    return new TransferView(
        t.id(),
        t.businessKey(),
        transfer.name(),
        t.serviceKind(),
        t.recipient(),
        t.arrangement(),
        t.arrangement() == Arrangement.NEW_COMPANY,
        t.staffMoving(),
        t.inHouse() == null
            ? null
            : new TransferView.InHouse(
                t.inHouse(),
                t.ownershipShare(),
                t.businessWithOwners(),
                t.outsideTurnover(),
                Boolean.TRUE.equals(t.privateCapital()),
                t.inHouseReasons()),
        t.transferDate(),
        ProcessVariable.items(t.measures()),
        transfer.stage(),
        transfer.stageLabel(),
        transfer.outcome(),
        transfer.processInstanceId(),
        t.councilDecisionOn(),
        t.legalityCheckedOn(),
        t.appealEndsOn(),
        courts.court(t.id()),
        t.foundingSignedOn(),
        t.registrationDeadline(),
        t.registrationFiledOn(),
        t.businessId(),
        t.registeredOn(),
        branches,
        cases.stages(TransferProcess.CASE, t.businessKey()),
        transfer.createdAt(),
        cases.filings(t.businessKey()),
        cases.modelVersion(transfer.processInstanceId()));
  }

  /**
   * Which branches the transfer's data makes apply (the BPMN's gateway conditions say the same).
   */
  static boolean applies(TransferRow t, String branch) {
    return switch (branch) {
      case Elements.FOUND_COMPANY, Elements.FILE_REGISTRATION ->
          t.arrangement() == Arrangement.NEW_COMPANY;
      case Elements.JOIN_COMPANY -> t.arrangement() == Arrangement.EXISTING_COMPANY;
      case Elements.JOINING_AGREEMENT -> t.arrangement() == Arrangement.JOINING_AGREEMENT;
      case Elements.AGREEMENTS, Elements.DATA_HANDOVER -> t.arrangement().transferOfBusiness();
      case Elements.PENSION, Elements.STAFF_TRANSFER -> t.staffMoving();
      case Elements.WATER_DUTIES -> t.serviceKind() == ServiceKind.WATER_SERVICES;
      default -> true;
    };
  }

  private TransferRow transfer(long id) {
    return repository.require(id);
  }

  private TransferRow transfer(String businessKey) {
    return repository.require(businessKey);
  }

  /** A transfer's value that the law or the record does not allow (400). */
  static DomainException invalid(String message) {
    return new DomainException(Kind.INVALID, "invalid-transfer", message);
  }
}
