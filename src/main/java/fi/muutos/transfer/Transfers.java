package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Elements;

import fi.muutos.cases.Case;
import fi.muutos.cases.Cases;
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
  private final Cases cases;
  private final WorkingDays workingDays;
  private final HistoryService historyService;
  private final Clock clock;

  Transfers(
      TransferRepository repository,
      Cases cases,
      WorkingDays workingDays,
      HistoryService historyService,
      Clock clock) {
    this.repository = repository;
    this.cases = cases;
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
        newCompany,
        staffMoving,
        inHouse,
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

  /** The founding agreement was signed: returns the registration deadline (3 months). */
  @Transactional
  public LocalDate founded(long id, LocalDate signed) {
    transfer(id);
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

  /** The in-house check's result: the city's ownership share in percent. */
  @Transactional
  public void ownershipShare(long id, Double share) {
    transfer(id);
    if (share == null || share < 0 || share > 100) {
      throw invalid("ownershipShare is a percentage 0–100, not " + share);
    }
    repository.ownershipShare(id, BigDecimal.valueOf(share));
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
        t.newCompany(),
        t.staffMoving(),
        t.inHouse(),
        t.transferDate(),
        ProcessVariable.items(t.measures()),
        transfer.stage(),
        transfer.stageLabel(),
        transfer.outcome(),
        transfer.processInstanceId(),
        t.foundingSignedOn(),
        t.registrationDeadline(),
        t.businessId(),
        t.registeredOn(),
        t.ownershipShare(),
        branches,
        cases.stages(TransferProcess.CASE, t.businessKey()),
        transfer.createdAt());
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
