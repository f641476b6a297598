package fi.muutos.transfer;

import fi.muutos.platform.CourtEvents;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.WorkingDays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transfer's council decision before the courts (kuntalaki 135 §, 143 §; review T2), as a
 * reform's: an appeal (the city learns of it from the court), the appeals pending when the period
 * ends, the court's decision (an annulment ends the transfer; a decision ends its own interim ban),
 * a ban on enforcement, which stops every enforcing step and the transfer itself, and why the board
 * enforced the decision before it had legal force.
 */
@Service
public class TransferCourts implements fi.muutos.cases.CourtRecord {

  /** What the courts have said of a transfer's decision; null fields: nothing yet. */
  public record Court(
      LocalDate appealFiledOn,
      String appealCourt,
      String appealOutcome,
      LocalDate appealDecidedOn,
      String appealDecisionCourt,
      LocalDate furtherAppealEndsOn,
      LocalDate enforcementBannedOn,
      LocalDate enforcementBanLiftedOn,
      String earlyEnforcementReason) {

    /** A court forbade enforcing the decision and has not lifted the ban. */
    public boolean banned() {
      return enforcementBannedOn != null && enforcementBanLiftedOn == null;
    }
  }

  private final JdbcClient jdbc;
  private final WorkingDays workingDays;
  private final Clock clock;

  TransferCourts(JdbcClient jdbc, WorkingDays workingDays, Clock clock) {
    this.jdbc = jdbc;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  public Court court(long id) {
    return jdbc.sql(
            "select appeal_filed_on, appeal_court, appeal_outcome, appeal_decided_on,"
                + " appeal_decision_court, further_appeal_ends_on, enforcement_banned_on, enforcement_ban_lifted_on, early_enforcement_reason"
                + " from mu_transfer where id = ?")
        .param(id)
        .query(Court.class)
        .optional()
        .orElseThrow(
            () -> new DomainException(Kind.NOT_FOUND, "not-found", "Siirtoa " + id + " ei ole."));
  }

  /** An appeal against the council's decision: the first one's date and court are kept. */
  @Transactional
  public void appealFiled(long id, String court, LocalDate filedOn) {
    court(id);
    if (filedOn == null || court == null || court.isBlank()) {
      throw new DomainException(
          Kind.INVALID, "invalid-appeal", "Valituksesta puuttuu tuomioistuin tai päivä.");
    }
    jdbc.sql(
            "update mu_transfer set appeal_filed_on = coalesce(appeal_filed_on, ?),"
                + " appeal_court = coalesce(appeal_court, ?), appeal_outcome = null where id = ?")
        .params(filedOn, court.strip(), id)
        .update();
  }

  /** An appeal the registry's check found after the period (review R1). */
  @Transactional
  public void appealFound(long id, fi.muutos.platform.CourtEvents.Found found) {
    appealFiled(id, found.court(), found.date());
  }

  /** Whether appeals await the court (checked when the appeal period has ended). */
  public boolean appealsPending(long id) {
    Court court = court(id);
    return court.appealFiledOn() != null && court.appealOutcome() == null;
  }

  /**
   * The court decided: the decision stands (UPHELD) or is annulled (ANNULLED), by the
   * administrative court (HAO, whose decision can be appealed to the KHO within 30 days of its
   * service) or the KHO (final). Its decision on the merits ends its own interim ban.
   */
  @Override
  @Transactional
  public CourtEvents.Ruling appealDecided(
      long id, String outcome, LocalDate decidedOn, String decidedBy, LocalDate servedOn) {
    Court current = court(id);
    if (!"UPHELD".equals(outcome) && !"ANNULLED".equals(outcome)) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-appeal",
          "Valituksen ratkaisu on UPHELD (päätös pysyy) tai ANNULLED (kumottu), ei " + outcome);
    }
    CourtEvents.Court which = CourtEvents.court(decidedBy);
    LocalDate furtherAppealLastDay =
        which == CourtEvents.Court.HAO
            ? CourtEvents.furtherAppealLastDay(workingDays, decidedOn, servedOn)
            : null;
    jdbc.sql(
            "update mu_transfer set appeal_outcome = ?, appeal_decided_on = ?,"
                + " appeal_decision_court = ?, further_appeal_ends_on = ? where id = ?")
        .params(outcome, decidedOn, which.name(), furtherAppealLastDay, id)
        .update();
    if (current.banned() && decidedOn != null) {
      banLifted(id, decidedOn.isBefore(current.enforcementBannedOn()) ? null : decidedOn);
    }
    return CourtEvents.Ruling.of(outcome, furtherAppealLastDay, workingDays);
  }

  /** The court forbade enforcing the decision (täytäntöönpanokielto). */
  @Transactional
  public void banned(long id, LocalDate on) {
    court(id);
    jdbc.sql(
            "update mu_transfer set enforcement_banned_on = ?, enforcement_ban_lifted_on = null"
                + " where id = ?")
        .params(on, id)
        .update();
  }

  /** The court lifted its ban (on {@code on}; null: the day it was given). */
  @Transactional
  public void banLifted(long id, LocalDate on) {
    Court court = court(id);
    if (court.enforcementBannedOn() == null) {
      throw new DomainException(
          Kind.INVALID, "invalid-appeal", "Siirrolla ei ole täytäntöönpanokieltoa kumottavaksi.");
    }
    LocalDate lifted = on == null ? court.enforcementBannedOn() : on;
    if (lifted.isBefore(court.enforcementBannedOn())) {
      throw DomainException.legalDate(
          "Kielto kumotaan ("
              + lifted
              + ") vasta, kun se on annettu ("
              + court.enforcementBannedOn()
              + ").");
    }
    jdbc.sql("update mu_transfer set enforcement_ban_lifted_on = ? where id = ?")
        .params(lifted, id)
        .update();
  }

  /** An enforcement ban stops every step that enforces the council's decision (409). */
  public void requireEnforceable(long id) {
    Court court = court(id);
    if (court.banned()) {
      throw new DomainException(
          Kind.CONFLICT,
          "enforcement-banned",
          "Tuomioistuin on "
              + court.enforcementBannedOn()
              + " kieltänyt päätöksen täytäntöönpanon: siirtoa ei panna täytäntöön ennen kuin"
              + " kielto on kumottu (kuntalaki 143 §).");
    }
  }

  /** While a ban holds the transfer, when to look again (the next morning). */
  public Optional<OffsetDateTime> recheckWhileBanned(long id) {
    return court(id).banned()
        ? Optional.of(
            LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
        : Optional.empty();
  }

  /** Why the board enforced the decision before it had legal force (kuntalaki 143 §). */
  @Transactional
  public void earlyEnforcement(long id, String reason) {
    jdbc.sql("update mu_transfer set early_enforcement_reason = ? where id = ?")
        .params(reason == null ? null : reason.strip(), id)
        .update();
  }
}
