package fi.muutos.zoning;

import fi.muutos.zoning.ZoningPlanView.StageEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for MU_ZONING_PLAN and MU_ZONING_STAGE, in the caller's (the engine's) transaction. */
@Repository
class ZoningPlanRepository {

  private final JdbcClient jdbc;

  ZoningPlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The stored columns of a plan. */
  record PlanRow(
      long id,
      String businessKey,
      String name,
      PlanType type,
      boolean significant,
      String areaDescription,
      String responsibleGroup,
      ZoningStage stage,
      String outcome,
      String processInstanceId,
      String approvingBody,
      int displayRound,
      LocalDate displayEndsOn,
      LocalDate appealEndsOn,
      int reminders,
      OffsetDateTime createdAt) {}

  long insert(
      String businessKey,
      String name,
      PlanType type,
      boolean significant,
      String area,
      String group,
      String processInstanceId,
      OffsetDateTime now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into mu_zoning_plan (business_key, name, plan_type, significant,
              area_description, responsible_group, stage, ryhti_code, process_instance_id,
              display_round, reminders, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)""")
        .params(
            businessKey,
            name,
            type.name(),
            significant,
            area,
            group,
            ZoningStage.INITIATED.name(),
            ZoningStage.INITIATED.ryhtiCode(),
            processInstanceId,
            now)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  Optional<PlanRow> find(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(ZoningPlanRepository::row).optional();
  }

  Optional<PlanRow> findByBusinessKey(String businessKey) {
    return jdbc.sql(SELECT + " where business_key = ?")
        .param(businessKey)
        .query(ZoningPlanRepository::row)
        .optional();
  }

  List<PlanRow> list(ZoningStage stage) {
    return stage == null
        ? jdbc.sql(SELECT + " order by id").query(ZoningPlanRepository::row).list()
        : jdbc.sql(SELECT + " where stage = ? order by id")
            .param(stage.name())
            .query(ZoningPlanRepository::row)
            .list();
  }

  void stage(long planId, ZoningStage stage, String outcome, OffsetDateTime at, String activityId) {
    jdbc.sql(
            "update mu_zoning_plan set stage = ?, ryhti_code = ?, "
                + "outcome = coalesce(?, outcome) where id = ?")
        .params(stage.name(), stage.ryhtiCode(), outcome, planId)
        .update();
    jdbc.sql(
            "insert into mu_zoning_stage (plan_id, stage, ryhti_code, entered_at, activity_id) "
                + "values (?, ?, ?, ?, ?)")
        .params(planId, stage.name(), stage.ryhtiCode(), at, activityId)
        .update();
  }

  void display(long planId, int round, LocalDate endsOn) {
    jdbc.sql("update mu_zoning_plan set display_round = ?, display_ends_on = ? where id = ?")
        .params(round, endsOn, planId)
        .update();
  }

  void approvingBody(long planId, String body) {
    jdbc.sql("update mu_zoning_plan set approving_body = ? where id = ?")
        .params(body, planId)
        .update();
  }

  void appealEndsOn(long planId, LocalDate endsOn) {
    jdbc.sql("update mu_zoning_plan set appeal_ends_on = ? where id = ?")
        .params(endsOn, planId)
        .update();
  }

  void addReminder(long planId) {
    jdbc.sql("update mu_zoning_plan set reminders = reminders + 1 where id = ?")
        .param(planId)
        .update();
  }

  List<StageEntry> stages(long planId) {
    return jdbc.sql(
            "select stage, ryhti_code, entered_at, activity_id from mu_zoning_stage "
                + "where plan_id = ? order by id")
        .param(planId)
        .query(
            (rs, n) ->
                new StageEntry(
                    ZoningStage.valueOf(rs.getString("stage")),
                    rs.getString("ryhti_code"),
                    rs.getObject("entered_at", OffsetDateTime.class),
                    rs.getString("activity_id")))
        .list();
  }

  private static final String SELECT =
      """
      select id, business_key, name, plan_type, significant, area_description, responsible_group,
        stage, outcome, process_instance_id, approving_body, display_round, display_ends_on,
        appeal_ends_on, reminders, created_at
      from mu_zoning_plan""";

  private static PlanRow row(ResultSet rs, int n) throws SQLException {
    return new PlanRow(
        rs.getLong("id"),
        rs.getString("business_key"),
        rs.getString("name"),
        PlanType.valueOf(rs.getString("plan_type")),
        rs.getBoolean("significant"),
        rs.getString("area_description"),
        rs.getString("responsible_group"),
        ZoningStage.valueOf(rs.getString("stage")),
        rs.getString("outcome"),
        rs.getString("process_instance_id"),
        rs.getString("approving_body"),
        rs.getInt("display_round"),
        rs.getObject("display_ends_on", LocalDate.class),
        rs.getObject("appeal_ends_on", LocalDate.class),
        rs.getInt("reminders"),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
