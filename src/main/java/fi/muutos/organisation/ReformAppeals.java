package fi.muutos.organisation;

import fi.muutos.organisation.ReformRepository.ReformRow;
import fi.muutos.platform.CourtEvents;
import fi.muutos.platform.CourtEvents.Court;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.WorkingDays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals against the council's decision and the court's enforcement bans (kunnallisvalitus,
 * kuntalaki 135 §, 143 §; hallintolainkäyttö): an appeal filed, the appeals pending when the period
 * ends, the court's ruling, a ban on enforcement and its lifting.
 */
@Service
public class ReformAppeals implements fi.muutos.cases.CourtRecord {

  private final ReformRepository repository;
  private final WorkingDays workingDays;
  private final Clock clock;

  ReformAppeals(ReformRepository repository, WorkingDays workingDays, Clock clock) {
    this.repository = repository;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** An appeal against the council's decision (from the court, via case management). */
  @Transactional
  public void appealFiled(long reformId, String court, LocalDate filedOn, String reference) {
    ReformRow reform = repository.require(reformId);
    if (filedOn == null || court == null || court.isBlank()) {
      throw Reforms.invalid(
          "Valituksesta kirjataan tuomioistuin ja päivä (an appeal names its court and date).");
    }
    if (reform.councilDecisionOn() != null && filedOn.isBefore(reform.councilDecisionOn())) {
      throw DomainException.legalDate(
          "Valitus ("
              + fi.muutos.platform.FormLabels.date(filedOn)
              + ") ei voi olla aikaisempi kuin päätös, josta valitetaan (an appeal is not before the decision it appeals).");
    }
    repository.addAppeal(
        reformId,
        court,
        filedOn,
        reference,
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
  }

  /** An appeal the registry's check found after the period (review R1). */
  @Transactional
  public void appealFound(long reformId, fi.muutos.platform.CourtEvents.Found found) {
    appealFiled(reformId, found.court(), found.date(), found.reference());
  }

  /** Whether appeals await the court's decision (checked when the appeal period has ended). */
  public boolean appealsPending(long reformId) {
    return repository.pendingAppeals(reformId) > 0;
  }

  /**
   * The court decided the appeals: the decision stands (UPHELD) or is annulled (ANNULLED), by the
   * administrative court (HAO) or the KHO (review R1). An HaO decision can be appealed to the KHO
   * within 30 days of its service ({@code servedOn}, or the 7th day after the decision), so an HaO
   * annulment ends the reform only when that period passed without a further appeal. The court's
   * decision on the merits ends its own interim enforcement ban (review R5): the reform does not
   * wait for a "ban lifted" a court does not issue.
   */
  @Override
  @Transactional
  public CourtEvents.Ruling appealDecided(
      long reformId, String outcome, LocalDate decidedOn, String court, LocalDate servedOn) {
    ReformRow reform = repository.require(reformId);
    if (!"UPHELD".equals(outcome) && !"ANNULLED".equals(outcome)) {
      throw Reforms.invalid(
          "Valituksen ratkaisu on UPHELD (päätös pysyy) tai ANNULLED (kumottu), ei " + outcome);
    }
    Court which = CourtEvents.court(court);
    LocalDate furtherAppealLastDay =
        which == Court.HAO
            ? CourtEvents.furtherAppealLastDay(workingDays, decidedOn, servedOn)
            : null;
    repository.appealsDecided(reformId, decidedOn, outcome, which.name(), furtherAppealLastDay);
    if (reform.enforcementBanned() && decidedOn != null) {
      repository.enforcementBanLifted(
          reformId,
          decidedOn.isBefore(reform.enforcementBannedOn())
              ? reform.enforcementBannedOn()
              : decidedOn);
    }
    return CourtEvents.Ruling.of(outcome, furtherAppealLastDay, workingDays);
  }

  /** The court forbade enforcing the decision (täytäntöönpanokielto). */
  @Transactional
  public void enforcementBanned(long reformId, LocalDate on) {
    repository.require(reformId);
    repository.enforcementBanned(reformId, on);
  }

  /** The court lifted its enforcement ban. */
  @Transactional
  public void enforcementBanLifted(long reformId, LocalDate on) {
    ReformRow reform = repository.require(reformId);
    if (reform.enforcementBannedOn() == null) {
      throw Reforms.invalid(
          "Uudistuksella "
              + reformId
              + " ei ole täytäntöönpanokieltoa kumottavaksi (no enforcement ban to lift).");
    }
    if (on.isBefore(reform.enforcementBannedOn())) {
      throw DomainException.legalDate(
          "Kielto kumotaan ("
              + fi.muutos.platform.FormLabels.date(on)
              + ") vasta, kun se on annettu (a ban is lifted after it was given).");
    }
    repository.enforcementBanLifted(reformId, on);
  }
}
