package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Elements;

import fi.muutos.cases.Case;
import fi.muutos.cases.Cases;
import fi.muutos.cases.CouncilDecisions;
import fi.muutos.cases.CouncilDecisions.AppealPeriod;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers of a service to a company in their legal order: the arrangement (a new company, an
 * existing one, or a joining/funding agreement, which is no transfer of business); the in-house
 * assessment before the board's proposal (hankintalaki 1397/2016 15 §); the council's decision, the
 * board's legality check and the appeal period (kuntalaki 96 §, 140 §); the founding of a new
 * company (its board under tasa-arvolaki 4 a §, the filing for registration within 3 months of
 * signing or the founding lapses, OYL 624/2006 2:8–9); the pension arrangement after the founding
 * documents exist; staff under TSL 1:10 and KVhL 25 §; the dates of the transfer.
 */
@Service
public class Transfers {

  /** OYL 2:8: the company is registered within three months of signing the founding agreement. */
  static final int REGISTRATION_MONTHS = 3;

  /** How long before the registration deadline the process warns. */
  static final int WARN_DAYS_BEFORE = 14;

  /** The recipient informs the staff representatives within a week of the transfer. */
  static final int INFORM_DAYS = 7;

  /** Tasa-arvolaki 4 a §: the board of a municipality-controlled company is balanced. */
  static final int MIN_SHARE_PERCENT = 40;

  private final TransferRepository repository;
  private final Cases cases;
  private final CouncilDecisions decisions;
  private final WorkingDays workingDays;
  private final HistoryService historyService;
  private final Clock clock;
  private final BigDecimal maxOutsideShare;
  private final BigDecimal maxOutsideTurnover;
  private final BigDecimal minOwnershipShare;

  Transfers(
      TransferRepository repository,
      Cases cases,
      CouncilDecisions decisions,
      WorkingDays workingDays,
      HistoryService historyService,
      Clock clock,
      @Value("${muutos.transfer.in-house.max-outside-share:5}") BigDecimal maxOutsideShare,
      @Value("${muutos.transfer.in-house.max-outside-turnover:500000}")
          BigDecimal maxOutsideTurnover,
      @Value("${muutos.transfer.in-house.min-ownership-share:0}") BigDecimal minOwnershipShare) {
    this.repository = repository;
    this.cases = cases;
    this.decisions = decisions;
    this.workingDays = workingDays;
    this.historyService = historyService;
    this.clock = clock;
    this.maxOutsideShare = maxOutsideShare;
    this.maxOutsideTurnover = maxOutsideTurnover;
    this.minOwnershipShare = minOwnershipShare;
  }

  /** Registers a starting transfer; a retried start finds its own record. */
  @Transactional
  public long register(
      String businessKey,
      String serviceName,
      String kind,
      String recipient,
      String arrangement,
      boolean staffMoving,
      LocalDate transferDate,
      List<String> measures,
      String processInstanceId) {
    if (serviceName == null || serviceName.isBlank() || recipient == null || recipient.isBlank()) {
      throw invalid("A transfer names the service (serviceName) and the recipient company.");
    }
    if (transferDate == null) {
      throw invalid("A transfer needs its date (transferDate).");
    }
    ServiceKind serviceKind;
    try {
      serviceKind = ServiceKind.valueOf(kind == null ? "" : kind.strip());
    } catch (IllegalArgumentException e) {
      throw invalid(
          "Unknown service kind '"
              + kind
              + "' (one of "
              + Arrays.toString(ServiceKind.values())
              + ").");
    }
    Arrangement how;
    try {
      how = Arrangement.valueOf(arrangement == null ? "" : arrangement.strip());
    } catch (IllegalArgumentException e) {
      throw invalid(
          "Unknown arrangement '"
              + arrangement
              + "' (one of "
              + Arrays.toString(Arrangement.values())
              + ").");
    }
    if (!how.transferOfBusiness() && staffMoving) {
      throw invalid(
          "A joining or funding agreement is no transfer of business: no staff move with it "
              + "(staffMoving).");
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
        serviceKind,
        recipient.strip(),
        how,
        staffMoving,
        transferDate,
        String.join(",", measures == null ? List.of() : measures));
  }

  /** The moment of the transfer (the start of its date). */
  public OffsetDateTime transferAt(long id) {
    return transfer(id).transferDate().atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  /** When the recipient must have informed the staff representatives: 7 days after transfer. */
  public OffsetDateTime informDue(long id) {
    return workingDays.endOf(
        workingDays.onOrAfter(transfer(id).transferDate().plusDays(INFORM_DAYS)));
  }

  /** The in-house assessment's facts (hankintalaki 15 §). */
  public record InHouseFacts(
      Boolean jointControl,
      Double ownershipShare,
      Double businessWithOwners,
      Double outsideTurnover,
      Boolean privateCapital) {}

  /**
   * Assesses the company's in-house status before the board's proposal (hankintalaki 15 §): the
   * city (with the other owners) controls it, it does at most the configured share (5 %)
   * <em>and</em> at most the configured euros (500 000) of its business with others than its
   * owners, it has no private capital, and the city's own share is at least the configured minimum
   * (HE 2/2026 proposes 10 %). Returns the result; the reasons are recorded.
   */
  @Transactional
  public boolean assessInHouse(long id, InHouseFacts facts) {
    transfer(id);
    if (facts.ownershipShare() == null
        || facts.ownershipShare() < 0
        || facts.ownershipShare() > 100) {
      throw invalid("ownershipShare is a percentage 0–100, not " + facts.ownershipShare());
    }
    if (facts.businessWithOwners() == null
        || facts.businessWithOwners() < 0
        || facts.businessWithOwners() > 100) {
      throw invalid("businessWithOwners is a percentage 0–100, not " + facts.businessWithOwners());
    }
    if (facts.outsideTurnover() == null || facts.outsideTurnover() < 0) {
      throw invalid(
          "Kirjaa yhtiön liiketoiminta muiden kuin omistajien kanssa euroina (outsideTurnover),"
              + " vähintään 0, ei "
              + facts.outsideTurnover());
    }
    if (facts.jointControl() == null || facts.privateCapital() == null) {
      throw invalid("Kirjaa määräysvalta (jointControl) ja yksityinen pääoma (privateCapital).");
    }
    BigDecimal share = BigDecimal.valueOf(facts.ownershipShare());
    BigDecimal business = BigDecimal.valueOf(facts.businessWithOwners());
    List<String> reasons = new ArrayList<>();
    if (!facts.jointControl()) {
      reasons.add("kaupungilla ei ole (yhteistä) määräysvaltaa yhtiössä");
    }
    BigDecimal outside = BigDecimal.valueOf(100).subtract(business);
    if (outside.compareTo(maxOutsideShare) > 0) {
      reasons.add(
          "yhtiön liiketoiminnasta muiden kuin omistajien kanssa "
              + outside.stripTrailingZeros().toPlainString()
              + " %, enintään "
              + maxOutsideShare.stripTrailingZeros().toPlainString()
              + " % sallitaan");
    }
    BigDecimal turnover = BigDecimal.valueOf(facts.outsideTurnover());
    if (turnover.compareTo(maxOutsideTurnover) > 0) {
      reasons.add(
          "liiketoimintaa muiden kuin omistajien kanssa "
              + turnover.stripTrailingZeros().toPlainString()
              + " euroa, enintään "
              + maxOutsideTurnover.stripTrailingZeros().toPlainString()
              + " euroa sallitaan");
    }
    if (facts.privateCapital()) {
      reasons.add("yhtiössä on yksityistä pääomaa");
    }
    if (share.compareTo(minOwnershipShare) < 0) {
      reasons.add(
          "kaupungin omistusosuus "
              + share.stripTrailingZeros().toPlainString()
              + " % on alle "
              + minOwnershipShare.stripTrailingZeros().toPlainString()
              + " %");
    }
    boolean inHouse = reasons.isEmpty();
    repository.inHouseAssessed(
        id,
        share,
        business,
        turnover,
        facts.privateCapital(),
        inHouse,
        inHouse
            ? "Sidosyksikön edellytykset täyttyvät (hankintalaki 15 §)."
            : String.join("; ", reasons));
    return inHouse;
  }

  /** A council decision, where the registry's form and the meeting system's event meet. */
  @Transactional(readOnly = true)
  public void checkDecision(long id, LocalDate decidedOn) {
    transfer(id);
    decisions.checkNotAhead(decidedOn);
  }

  /** The council approved the transfer on {@code decidedOn}: the board's legality check next. */
  @Transactional
  public void approved(long id, LocalDate decidedOn, String activityId) {
    TransferRow transfer = transfer(id);
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

  /** The new company's board as founded (tasa-arvolaki 4 a § for a city-controlled company). */
  public record Founding(
      LocalDate signedOn,
      String boardMembers,
      Integer boardWomen,
      Integer boardMen,
      String balanceException) {}

  /**
   * The founding agreement was signed after the council's decision, with a balanced board (each sex
   * at least 40 %, or a written exceptional reason): returns the deadline for filing the company
   * for registration (3 months, OYL 2:8).
   */
  @Transactional
  public LocalDate founded(long id, Founding founding) {
    TransferRow transfer = transfer(id);
    decisions.actDone(
        "foundingSignedOn",
        founding.signedOn(),
        transfer.councilDecisionOn(),
        "valtuuston päätöstä");
    int women = founding.boardWomen() == null ? -1 : founding.boardWomen();
    int men = founding.boardMen() == null ? -1 : founding.boardMen();
    if (women < 0 || men < 0 || women + men == 0) {
      throw invalid("Kirjaa hallituksen naiset ja miehet (boardWomen, boardMen).");
    }
    String exception =
        founding.balanceException() == null ? "" : founding.balanceException().strip();
    if (exception.isEmpty()
        && (women * 100 < MIN_SHARE_PERCENT * (women + men)
            || men * 100 < MIN_SHARE_PERCENT * (women + men))) {
      throw new DomainException(
          Kind.INVALID,
          "gender-balance",
          "Kaupungin määräysvallassa olevan yhtiön hallitus ei täytä tasa-arvolain 4 a §:n "
              + "vaatimusta: naisia "
              + women
              + ", miehiä "
              + men
              + "; kumpaakin on oltava vähintään "
              + MIN_SHARE_PERCENT
              + " %, ellei erityistä syytä kirjata (boardBalanceExceptionReason).");
    }
    LocalDate deadline = founding.signedOn().plusMonths(REGISTRATION_MONTHS);
    repository.founded(id, founding.signedOn(), deadline);
    return deadline;
  }

  /** When to warn about the filing deadline. */
  public OffsetDateTime registrationWarnAt(LocalDate deadline) {
    return deadline.minusDays(WARN_DAYS_BEFORE).atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  /** When the founding lapses unless the company was filed for registration (OYL 2:9). */
  public OffsetDateTime registrationLapsesAt(LocalDate deadline) {
    return deadline.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  /** The company was filed for registration: after signing, by the deadline, not ahead. */
  @Transactional
  public void registrationFiled(long id, LocalDate filedOn) {
    TransferRow transfer = transfer(id);
    decisions.actDone(
        "registrationFiledOn", filedOn, transfer.foundingSignedOn(), "perustamissopimusta");
    if (transfer.registrationDeadline() != null
        && filedOn.isAfter(transfer.registrationDeadline())) {
      throw DomainException.legalDate(
          "Rekisteröinti-ilmoitus "
              + filedOn
              + " on määräajan "
              + transfer.registrationDeadline()
              + " jälkeen: perustaminen on rauennut (OYL 2:9).");
    }
    repository.registrationFiled(id, filedOn);
  }

  /** The trade register registered the company. */
  @Transactional
  public void registered(long id, String businessId, LocalDate registeredOn) {
    transfer(id);
    if (businessId == null || !businessId.matches("\\d{7}-\\d")) {
      throw invalid("A business id (Y-tunnus) is 1234567-8, not '" + businessId + "'.");
    }
    if (registeredOn == null) {
      throw invalid("The registration's date (registeredOn) is missing.");
    }
    repository.registered(id, businessId, registeredOn);
  }

  /**
   * The pension arrangement: for a new company only once its founding documents exist; Keva
   * membership only for an in-house company whose Keva conditions were checked.
   */
  @Transactional(readOnly = true)
  public void checkPension(long id, String scheme, Boolean kevaConditionsMet) {
    TransferRow transfer = transfer(id);
    if (transfer.arrangement() == Arrangement.NEW_COMPANY && transfer.foundingSignedOn() == null) {
      throw new DomainException(
          Kind.CONFLICT,
          "founding-first",
          "Eläkejärjestely tehdään vasta, kun yhtiön perustamisasiakirjat ovat olemassa "
              + "(perustamissopimus allekirjoitettu).");
    }
    if ("KEVA".equals(scheme)
        && (!Boolean.TRUE.equals(transfer.inHouse()) || !Boolean.TRUE.equals(kevaConditionsMet))) {
      throw invalid(
          "Kevan jäsenyys edellyttää, että yhtiö on kaupungin määräysvallassa oleva sidosyksikkö "
              + "ja Kevan jäsenyysehdot on tarkistettu (kevaConditionsMet); muuten TyEL.");
    }
  }

  /** Staff move as employees (TSL 1:10) and office-holders (KVhL 25 §): at least one person. */
  public void checkStaff(Integer employees, Integer officeHolders) {
    int people = (employees == null ? 0 : employees) + (officeHolders == null ? 0 : officeHolders);
    if (people <= 0) {
      throw invalid(
          "Kirjaa siirtyvät työntekijät ja viranhaltijat (employeeCount, officeHolderCount).");
    }
  }

  /**
   * The transfer date came: a transfer of business is transferred; a joining or funding agreement
   * is in force (its record never says transferred).
   */
  @Transactional
  public void takeEffect(long id, String activityId) {
    TransferRow transfer = transfer(id);
    cases.enter(
        TransferProcess.CASE,
        transfer.businessKey(),
        transfer.arrangement().transferOfBusiness()
            ? TransferStage.TRANSFERRED
            : TransferStage.AGREEMENT_IN_FORCE,
        null,
        transfer.transferDate(),
        activityId);
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
    return repository.find(id).orElseThrow(() -> notFound(String.valueOf(id)));
  }

  private TransferRow transfer(String businessKey) {
    return repository.findByBusinessKey(businessKey).orElseThrow(() -> notFound(businessKey));
  }

  private static DomainException invalid(String message) {
    return new DomainException(Kind.INVALID, "invalid-transfer", message);
  }

  private static DomainException notFound(String id) {
    return new DomainException(
        Kind.NOT_FOUND, "transfer-not-found", "There is no transfer " + id + ".");
  }
}
