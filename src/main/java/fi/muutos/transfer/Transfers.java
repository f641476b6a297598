package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Elements;

import fi.muutos.platform.BusinessKeys;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.WorkingDays;
import fi.muutos.transfer.TransferRepository.TransferRow;
import fi.muutos.transfer.TransferView.Branch;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers of a service to a company: their data, stages, the founding and registration of a new
 * company (within 3 months of signing, OYL 624/2006 2:8), the in-house check's ownership share, and
 * the dates of the transfer.
 */
@Service
public class Transfers {

  /** OYL 2:8: the company is registered within three months of signing the founding agreement. */
  static final int REGISTRATION_MONTHS = 3;

  /** How long before the registration deadline the process warns. */
  static final int WARN_DAYS_BEFORE = 14;

  /** The recipient informs the staff representatives within a week of the transfer. */
  static final int INFORM_DAYS = 7;

  private final TransferRepository repository;
  private final WorkingDays workingDays;
  private final HistoryService historyService;
  private final Clock clock;

  Transfers(
      TransferRepository repository,
      WorkingDays workingDays,
      HistoryService historyService,
      Clock clock) {
    this.repository = repository;
    this.workingDays = workingDays;
    this.historyService = historyService;
    this.clock = clock;
  }

  /** Registers a starting transfer; a retried start finds its own record. */
  @Transactional
  public long register(
      String businessKey,
      String serviceName,
      String kind,
      String recipient,
      boolean newCompany,
      boolean staffMoving,
      boolean inHouse,
      String transferDate,
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
          "A transfer with the business key " + businessKey + " exists already.");
    }
    if (serviceName == null || serviceName.isBlank() || recipient == null || recipient.isBlank()) {
      throw invalid("A transfer names the service (serviceName) and the recipient company.");
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
    long id =
        repository.insert(
            businessKey,
            serviceName.strip(),
            serviceKind,
            recipient.strip(),
            newCompany,
            staffMoving,
            inHouse,
            date(transferDate, "transferDate"),
            measures == null ? "" : String.join(",", list(measures)),
            processInstanceId,
            now());
    repository.stage(id, TransferStage.OPTIONS, null, now(), null);
    return id;
  }

  @Transactional
  public void recordStage(long id, TransferStage stage, String outcome, String activityId) {
    transfer(id);
    repository.stage(id, stage, outcome, now(), activityId);
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

  /** The founding agreement was signed: returns the registration deadline (3 months). */
  @Transactional
  public LocalDate founded(long id, String signedOn) {
    transfer(id);
    LocalDate signed = date(signedOn, "foundingSignedOn");
    LocalDate deadline = signed.plusMonths(REGISTRATION_MONTHS);
    repository.founded(id, signed, deadline);
    return deadline;
  }

  /** When to warn about the registration deadline. */
  public OffsetDateTime registrationWarnAt(LocalDate deadline) {
    return deadline.minusDays(WARN_DAYS_BEFORE).atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  /** The trade register registered the company. */
  @Transactional
  public void registered(long id, String businessId, String registeredOn) {
    transfer(id);
    if (businessId == null || !businessId.matches("\\d{7}-\\d")) {
      throw invalid("A business id (Y-tunnus) is 1234567-8, not '" + businessId + "'.");
    }
    repository.registered(id, businessId, date(registeredOn, "registeredOn"));
  }

  /** The in-house check's result: the city's ownership share in percent. */
  @Transactional
  public void ownershipShare(long id, Number share) {
    transfer(id);
    if (share == null || share.doubleValue() < 0 || share.doubleValue() > 100) {
      throw invalid("ownershipShare is a percentage 0–100, not " + share);
    }
    repository.ownershipShare(id, BigDecimal.valueOf(share.doubleValue()));
  }

  public List<String> measures(long id) {
    return list(transfer(id).measures());
  }

  @Transactional(readOnly = true)
  public TransferView find(long id) {
    return view(transfer(id));
  }

  @Transactional(readOnly = true)
  public TransferView findByBusinessKey(String businessKey) {
    return view(repository.findByBusinessKey(businessKey).orElseThrow(() -> notFound(businessKey)));
  }

  private TransferView view(TransferRow t) {
    Set<String> done =
        t.processInstanceId() == null
            ? Set.of()
            : historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(t.processInstanceId())
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
        t.serviceName(),
        t.serviceKind(),
        t.recipient(),
        t.newCompany(),
        t.staffMoving(),
        t.inHouse(),
        t.transferDate(),
        list(t.measures()),
        t.stage(),
        t.stage().label(),
        t.outcome(),
        t.processInstanceId(),
        t.foundingSignedOn(),
        t.registrationDeadline(),
        t.businessId(),
        t.registeredOn(),
        t.ownershipShare(),
        branches,
        repository.stages(t.id()),
        t.createdAt());
  }

  /**
   * Which branches the transfer's data makes apply (the BPMN's gateway conditions say the same).
   */
  static boolean applies(TransferRow t, String branch) {
    return switch (branch) {
      case Elements.FOUND_COMPANY -> t.newCompany();
      case Elements.IN_HOUSE_CHECK -> t.inHouse();
      case Elements.PENSION, Elements.STAFF_TRANSFER -> t.staffMoving();
      case Elements.WATER_DUTIES -> t.serviceKind() == ServiceKind.WATER_SERVICES;
      default -> true;
    };
  }

  private TransferRow transfer(long id) {
    return repository.find(id).orElseThrow(() -> notFound(String.valueOf(id)));
  }

  static List<String> list(String commaSeparated) {
    return BusinessKeys.commaList(commaSeparated);
  }

  private static LocalDate date(String value, String name) {
    try {
      return LocalDate.parse(value == null ? "" : value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw invalid(name + " must be a date (YYYY-MM-DD), not '" + value + "'.");
    }
  }

  private static DomainException invalid(String message) {
    return new DomainException(Kind.INVALID, "invalid-transfer", message);
  }

  private static DomainException notFound(String id) {
    return new DomainException(
        Kind.NOT_FOUND, "transfer-not-found", "There is no transfer " + id + ".");
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
