package fi.muutos.transfer;

import fi.muutos.cases.CouncilDecisions;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.GenderBalance;
import fi.muutos.transfer.TransferRepository.TransferRow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new company for the service (osakeyhtiölaki 624/2006): the founding agreement signed after the
 * council's decision with a balanced board (tasa-arvolaki 4 a §), the filing for registration
 * within three months of signing or the founding lapses (2:8–9), the registration, and the pension
 * arrangement once the founding documents exist.
 */
@Service
public class CompanyFoundings {

  /** OYL 2:8: the company is registered within three months of signing the founding agreement. */
  static final int REGISTRATION_MONTHS = 3;

  /** How long before the registration deadline the process warns. */
  static final int WARN_DAYS_BEFORE = 14;

  private final TransferRepository repository;
  private final CouncilDecisions decisions;
  private final Clock clock;
  private final fi.muutos.platform.WorkingDays workingDays;

  CompanyFoundings(
      TransferRepository repository,
      CouncilDecisions decisions,
      Clock clock,
      fi.muutos.platform.WorkingDays workingDays) {
    this.workingDays = workingDays;
    this.repository = repository;
    this.decisions = decisions;
    this.clock = clock;
  }

  /** The new company's board as founded (tasa-arvolaki 4 a § for a city-controlled company). */
  public record Founding(
      LocalDate signedOn,
      String boardMembers,
      Integer boardWomen,
      Integer boardMen,
      String balanceException) {}

  /**
   * The founding agreement was signed after the council's decision, with a balanced board where the
   * city has the majority (each sex at least 40 % in practice, or a written exceptional reason):
   * returns the deadline for filing the company for registration (3 months, OYL 2:8).
   */
  @Transactional
  public LocalDate founded(long id, Founding founding) {
    TransferRow transfer = repository.require(id);
    decisions.actDone(
        "foundingSignedOn",
        founding.signedOn(),
        transfer.councilDecisionOn(),
        "valtuuston päätöstä");
    int women = founding.boardWomen() == null ? -1 : founding.boardWomen();
    int men = founding.boardMen() == null ? -1 : founding.boardMen();
    if (women < 0 || men < 0 || women + men == 0) {
      throw Transfers.invalid("Kirjaa hallituksen naiset ja miehet (boardWomen, boardMen).");
    }
    String exception =
        founding.balanceException() == null ? "" : founding.balanceException().strip();
    // tasa-arvolaki 4 a § 3 mom binds a company in which the city has the majority (review T8)
    boolean cityMajority =
        transfer.ownershipShare() == null
            || transfer.ownershipShare().compareTo(java.math.BigDecimal.valueOf(50)) > 0;
    if (cityMajority && exception.isEmpty() && !GenderBalance.balanced(women, men)) {
      throw new DomainException(
          Kind.INVALID,
          "gender-balance",
          "Kaupungin enemmistöomisteisen yhtiön hallituksessa on oltava tasapuolisesti naisia ja"
              + " miehiä (tasa-arvolaki 4 a §; käytäntönä kumpaakin vähintään "
              + GenderBalance.MIN_SHARE_PERCENT
              + " %): naisia "
              + women
              + ", miehiä "
              + men
              + ", ellei erityistä syytä kirjata (boardBalanceExceptionReason).");
    }
    // OYL 2:10: three months; a period ending on a holiday or a weekend ends on the next working
    // day (laki säädettyjen määräaikain laskemisesta 150/1930 5 §; review T7)
    LocalDate deadline = workingDays.onOrAfter(founding.signedOn().plusMonths(REGISTRATION_MONTHS));
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
    TransferRow transfer = repository.require(id);
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
    repository.require(id);
    if (businessId == null || !businessId.matches("\\d{7}-\\d")) {
      throw Transfers.invalid(
          "Y-tunnus on muotoa 1234567-8, ei '" + businessId + "' (a business id is 1234567-8).");
    }
    if (registeredOn == null) {
      throw Transfers.invalid(
          "Rekisteröintipäivä puuttuu (registeredOn; the registration's date is missing).");
    }
    repository.registered(id, businessId, registeredOn);
  }

  /**
   * The pension arrangement: for a new company only once its founding documents exist; Keva
   * membership only for an in-house company whose Keva conditions were checked.
   */
  @Transactional(readOnly = true)
  public void checkPension(long id, String scheme, Boolean kevaConditionsMet) {
    TransferRow transfer = repository.require(id);
    if (transfer.arrangement() == Arrangement.NEW_COMPANY && transfer.foundingSignedOn() == null) {
      throw new DomainException(
          Kind.CONFLICT,
          "founding-first",
          "Eläkejärjestely tehdään vasta, kun yhtiön perustamisasiakirjat ovat olemassa "
              + "(perustamissopimus allekirjoitettu).");
    }
    if ("KEVA".equals(scheme)
        && (!Boolean.TRUE.equals(transfer.inHouse()) || !Boolean.TRUE.equals(kevaConditionsMet))) {
      throw Transfers.invalid(
          "Kevan jäsenyys edellyttää, että yhtiö on kaupungin määräysvallassa oleva sidosyksikkö "
              + "ja Kevan jäsenyysehdot on tarkistettu (kevaConditionsMet); muuten TyEL.");
    }
  }
}
