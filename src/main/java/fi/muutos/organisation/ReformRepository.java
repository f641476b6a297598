package fi.muutos.organisation;

import fi.muutos.organisation.ReformView.AppealView;
import fi.muutos.organisation.ReformView.CommitteeView;
import fi.muutos.organisation.ReformView.ElectionView;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.GeneratedIds;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the reform tables (MU_REFORM*): what only a reform has. */
@Repository
class ReformRepository {

  private final JdbcClient jdbc;

  ReformRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What only a reform has; the case record has the rest. */
  record ReformRow(
      long id,
      String businessKey,
      LocalDate proposedEffectiveDate,
      LocalDate effectiveDate,
      LocalDate interimTermEnds,
      int followUpMonths,
      String measures,
      LocalDate councilDecisionOn,
      LocalDate legalityCheckedOn,
      LocalDate appealEndsOn,
      LocalDate inForceOn,
      LocalDate enforcementBannedOn,
      LocalDate enforcementBanLiftedOn) {

    /** A court has forbidden enforcing the decision and has not lifted the ban. */
    boolean enforcementBanned() {
      return enforcementBannedOn != null && enforcementBanLiftedOn == null;
    }

    /** An enforcement ban stops every step that enforces the council's decision. */
    void requireEnforceable() {
      if (enforcementBanned()) {
        throw new DomainException(
            Kind.CONFLICT,
            "enforcement-banned",
            "Hallinto-oikeus on kieltänyt päätöksen täytäntöönpanon "
                + enforcementBannedOn
                + ": täytäntöönpanotehtäviä ei voi tehdä ennen kuin kielto kumotaan.");
      }
    }

    /** The reform, once the council has decided it and its effective date. */
    ReformRow decided() {
      if (effectiveDate == null) {
        throw new DomainException(
            Kind.CONFLICT,
            "reform-not-decided",
            "Valtuusto ei ole vielä päättänyt uudistuksesta "
                + id
                + " eikä sen voimaantulopäivästä (the council has not decided the reform yet).");
      }
      return this;
    }
  }

  /** The reform's stored row; a 404 when there is none. */
  ReformRow require(long id) {
    return find(id).orElseThrow(() -> notFound(String.valueOf(id)));
  }

  /** The reform with this business key; a 404 when there is none. */
  ReformRow require(String businessKey) {
    return findByBusinessKey(businessKey).orElseThrow(() -> notFound(businessKey));
  }

  private static DomainException notFound(String id) {
    return new DomainException(
        Kind.NOT_FOUND,
        "reform-not-found",
        "Uudistusta " + id + " ei ole (there is no reform " + id + ").");
  }

  long insert(
      String businessKey,
      LocalDate proposedEffectiveDate,
      LocalDate interimTermEnds,
      int followUpMonths,
      String measures) {
    return GeneratedIds.insert(
        jdbc.sql(
                """
            insert into mu_reform (business_key, proposed_effective_date, interim_term_ends,
              follow_up_months, measures)
            values (?, ?, ?, ?, ?)""")
            .params(businessKey, proposedEffectiveDate, interimTermEnds, followUpMonths, measures));
  }

  void addCommittee(long reformId, int position, String name) {
    jdbc.sql("insert into mu_reform_committee (reform_id, position, name) values (?, ?, ?)")
        .params(reformId, position, name)
        .update();
  }

  void addDivision(long reformId, int position, String name) {
    jdbc.sql("insert into mu_reform_division (reform_id, position, name) values (?, ?, ?)")
        .params(reformId, position, name)
        .update();
  }

  Optional<ReformRow> find(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(ReformRow.class).optional();
  }

  Optional<ReformRow> findByBusinessKey(String businessKey) {
    return jdbc.sql(SELECT + " where business_key = ?")
        .param(businessKey)
        .query(ReformRow.class)
        .optional();
  }

  void councilDecision(long reformId, LocalDate on, LocalDate effectiveDate) {
    jdbc.sql("update mu_reform set council_decision_on = ?, effective_date = ? where id = ?")
        .params(on, effectiveDate, reformId)
        .update();
  }

  void legalityChecked(long reformId, LocalDate on) {
    jdbc.sql("update mu_reform set legality_checked_on = ? where id = ?")
        .params(on, reformId)
        .update();
  }

  void appealEndsOn(long reformId, LocalDate on) {
    jdbc.sql("update mu_reform set appeal_ends_on = ? where id = ?").params(on, reformId).update();
  }

  void inForce(long reformId, LocalDate on) {
    jdbc.sql("update mu_reform set in_force_on = ? where id = ?").params(on, reformId).update();
  }

  void enforcementBanned(long reformId, LocalDate on) {
    jdbc.sql(
            "update mu_reform set enforcement_banned_on = ?, enforcement_ban_lifted_on = null "
                + "where id = ?")
        .params(on, reformId)
        .update();
  }

  void enforcementBanLifted(long reformId, LocalDate on) {
    jdbc.sql("update mu_reform set enforcement_ban_lifted_on = ? where id = ?")
        .params(on, reformId)
        .update();
  }

  boolean hasCommittee(long reformId, String committee) {
    return jdbc.sql("select count(*) from mu_reform_committee where reform_id = ? and name = ?")
            .params(reformId, committee)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Records (or, for a retried step, re-records) a body's election for a term. */
  void elect(long reformId, ElectionView e, OffsetDateTime at) {
    jdbc.sql("delete from mu_reform_election where reform_id = ? and committee = ? and term = ?")
        .params(reformId, e.committee(), e.term())
        .update();
    jdbc.sql(
            """
            insert into mu_reform_election (reform_id, committee, term, term_starts, term_ends,
              elected_on, members, deputies, women, men, deputy_women, deputy_men, chair,
              vice_chair, balance_exception, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            reformId,
            e.committee(),
            e.term(),
            e.termStarts(),
            e.termEnds(),
            e.electedOn(),
            e.members(),
            e.deputies(),
            e.women(),
            e.men(),
            e.deputyWomen(),
            e.deputyMen(),
            e.chair(),
            e.viceChair(),
            e.balanceException(),
            at)
        .update();
  }

  Optional<LocalDate> electedOn(long reformId, String committee, int term) {
    return jdbc.sql(
            "select elected_on from mu_reform_election where reform_id = ? and committee = ? "
                + "and term = ?")
        .params(reformId, committee, term)
        .query(LocalDate.class)
        .optional();
  }

  void delegated(
      long reformId, String committee, int term, LocalDate constitutedOn, LocalDate delegationOn) {
    jdbc.sql(
            "update mu_reform_election set constituted_on = ?, delegation_on = ? "
                + "where reform_id = ? and committee = ? and term = ?")
        .params(constitutedOn, delegationOn, reformId, committee, term)
        .update();
  }

  List<CommitteeView> committees(long reformId) {
    List<ElectionView> elections =
        jdbc.sql(
                """
                select committee, term, term_starts, term_ends, elected_on, members, deputies,
                  women, men, deputy_women, deputy_men, chair, vice_chair, balance_exception,
                  constituted_on, delegation_on
                from mu_reform_election where reform_id = ? order by term, id""")
            .param(reformId)
            .query(ElectionView.class)
            .list();
    return jdbc
        .sql("select name from mu_reform_committee where reform_id = ? order by position")
        .param(reformId)
        .query(String.class)
        .list()
        .stream()
        .map(
            name -> {
              List<ElectionView> own =
                  elections.stream().filter(e -> e.committee().equals(name)).toList();
              ElectionView latest = own.isEmpty() ? null : own.get(own.size() - 1);
              return new CommitteeView(
                  name,
                  latest != null,
                  latest == null ? null : latest.members(),
                  latest == null ? null : latest.women(),
                  latest == null ? null : latest.men(),
                  own);
            })
        .toList();
  }

  List<String> divisions(long reformId) {
    return jdbc.sql("select name from mu_reform_division where reform_id = ? order by position")
        .param(reformId)
        .query(String.class)
        .list();
  }

  void addAppeal(
      long reformId, String court, LocalDate filedOn, String reference, OffsetDateTime at) {
    jdbc.sql(
            "insert into mu_reform_appeal (reform_id, court, filed_on, reference, recorded_at) "
                + "values (?, ?, ?, ?, ?)")
        .params(reformId, court, filedOn, reference, at)
        .update();
  }

  int pendingAppeals(long reformId) {
    return jdbc.sql(
            "select count(*) from mu_reform_appeal where reform_id = ? and decided_on is null")
        .param(reformId)
        .query(Integer.class)
        .single();
  }

  void appealsDecided(
      long reformId, LocalDate on, String outcome, String court, LocalDate furtherAppealEndsOn) {
    jdbc.sql(
            "update mu_reform_appeal set decided_on = ?, outcome = ?, decision_court = ?,"
                + " further_appeal_ends_on = ? where reform_id = ? and decided_on is null")
        .params(on, outcome, court, furtherAppealEndsOn, reformId)
        .update();
  }

  List<AppealView> appeals(long reformId) {
    return jdbc.sql(
            "select court, filed_on, reference, decided_on, outcome, decision_court,"
                + " further_appeal_ends_on from mu_reform_appeal "
                + "where reform_id = ? order by id")
        .param(reformId)
        .query(AppealView.class)
        .list();
  }

  private static final String SELECT =
      """
      select id, business_key, proposed_effective_date, effective_date, interim_term_ends,
        follow_up_months, measures, council_decision_on, legality_checked_on, appeal_ends_on,
        in_force_on, enforcement_banned_on, enforcement_ban_lifted_on
      from mu_reform""";
}
