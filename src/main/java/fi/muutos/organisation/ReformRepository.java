package fi.muutos.organisation;

import fi.muutos.organisation.ReformView.CommitteeView;
import fi.muutos.organisation.ReformView.StageEntry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the reform tables (MU_REFORM*). */
@Repository
class ReformRepository {

  private final JdbcClient jdbc;

  ReformRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record ReformRow(
      long id,
      String businessKey,
      String name,
      LocalDate effectiveDate,
      int followUpMonths,
      String responsibleGroup,
      ReformStage stage,
      String outcome,
      String processInstanceId,
      LocalDate councilDecisionOn,
      LocalDate appealEndsOn,
      OffsetDateTime createdAt) {}

  long insert(
      String businessKey,
      String name,
      LocalDate effectiveDate,
      int followUpMonths,
      String group,
      String measures,
      String processInstanceId,
      OffsetDateTime now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into mu_reform (business_key, name, effective_date, follow_up_months,
              responsible_group, measures, stage, process_instance_id, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            businessKey,
            name,
            effectiveDate,
            followUpMonths,
            group,
            measures,
            ReformStage.DRAFTING.name(),
            processInstanceId,
            now)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
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
    return jdbc.sql(SELECT + " where id = ?").param(id).query(this::row).optional();
  }

  Optional<ReformRow> findByBusinessKey(String businessKey) {
    return jdbc.sql(SELECT + " where business_key = ?")
        .param(businessKey)
        .query(this::row)
        .optional();
  }

  void stage(
      long reformId, ReformStage stage, String outcome, OffsetDateTime at, String activityId) {
    jdbc.sql("update mu_reform set stage = ?, outcome = coalesce(?, outcome) where id = ?")
        .params(stage.name(), outcome, reformId)
        .update();
    jdbc.sql(
            "insert into mu_reform_stage (reform_id, stage, entered_at, activity_id) "
                + "values (?, ?, ?, ?)")
        .params(reformId, stage.name(), at, activityId)
        .update();
  }

  void councilDecision(long reformId, LocalDate on) {
    jdbc.sql("update mu_reform set council_decision_on = ? where id = ?")
        .params(on, reformId)
        .update();
  }

  void appealEndsOn(long reformId, LocalDate on) {
    jdbc.sql("update mu_reform set appeal_ends_on = ? where id = ?").params(on, reformId).update();
  }

  String measures(long reformId) {
    return jdbc.sql("select measures from mu_reform where id = ?")
        .param(reformId)
        .query(String.class)
        .single();
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

  List<StageEntry> stages(long reformId) {
    return jdbc.sql(
            "select stage, entered_at, activity_id from mu_reform_stage "
                + "where reform_id = ? order by id")
        .param(reformId)
        .query(
            (rs, n) ->
                new StageEntry(
                    ReformStage.valueOf(rs.getString("stage")),
                    rs.getObject("entered_at", OffsetDateTime.class),
                    rs.getString("activity_id")))
        .list();
  }

  private static final String SELECT =
      """
      select id, business_key, name, effective_date, follow_up_months, responsible_group, stage,
        outcome, process_instance_id, council_decision_on, appeal_ends_on, created_at
      from mu_reform""";

  private ReformRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new ReformRow(
        rs.getLong("id"),
        rs.getString("business_key"),
        rs.getString("name"),
        rs.getObject("effective_date", LocalDate.class),
        rs.getInt("follow_up_months"),
        rs.getString("responsible_group"),
        ReformStage.valueOf(rs.getString("stage")),
        rs.getString("outcome"),
        rs.getString("process_instance_id"),
        rs.getObject("council_decision_on", LocalDate.class),
        rs.getObject("appeal_ends_on", LocalDate.class),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
