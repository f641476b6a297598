package fi.muutos.organisation;

import fi.muutos.organisation.ReformView.CommitteeView;
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
      LocalDate effectiveDate,
      int followUpMonths,
      String measures,
      LocalDate councilDecisionOn,
      LocalDate appealEndsOn) {}

  long insert(String businessKey, LocalDate effectiveDate, int followUpMonths, String measures) {
    return GeneratedIds.insert(
        jdbc.sql(
                """
            insert into mu_reform (business_key, effective_date, follow_up_months, measures)
            values (?, ?, ?, ?)""")
            .params(businessKey, effectiveDate, followUpMonths, measures));
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

  void councilDecision(long reformId, LocalDate on) {
    jdbc.sql("update mu_reform set council_decision_on = ? where id = ?")
        .params(on, reformId)
        .update();
  }

  void appealEndsOn(long reformId, LocalDate on) {
    jdbc.sql("update mu_reform set appeal_ends_on = ? where id = ?").params(on, reformId).update();
  }

  int elect(
      long reformId, String committee, String members, int women, int men, OffsetDateTime at) {
    return jdbc.sql(
            "update mu_reform_committee set members = ?, women = ?, men = ?, "
                + "elected_at = ? where reform_id = ? and name = ?")
        .params(members, women, men, at, reformId, committee)
        .update();
  }

  List<CommitteeView> committees(long reformId) {
    return jdbc.sql(
            "select name, members, women, men, elected_at from mu_reform_committee "
                + "where reform_id = ? order by position")
        .param(reformId)
        .query(
            (rs, n) ->
                new CommitteeView(
                    rs.getString("name"),
                    rs.getObject("elected_at") != null,
                    rs.getString("members"),
                    rs.getObject("women", Integer.class),
                    rs.getObject("men", Integer.class)))
        .list();
  }

  List<String> divisions(long reformId) {
    return jdbc.sql("select name from mu_reform_division where reform_id = ? order by position")
        .param(reformId)
        .query(String.class)
        .list();
  }

  private static final String SELECT =
      """
      select id, business_key, effective_date, follow_up_months, measures, council_decision_on,
        appeal_ends_on
      from mu_reform""";
}
