package fi.muutos.strategy;

import fi.muutos.platform.GeneratedIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the strategy tables (MU_*). Runs in the caller's transaction, the engine's included. */
@Repository
class StrategyRepository {

  private final JdbcClient jdbc;

  StrategyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- reading ------------------------------------------------------------------------------

  record StrategyRow(long id, String code, String name, String municipality, LocalDate adoptedOn) {}

  record GoalRow(
      long id, String code, String name, String ownerGroup, LocalDate startsOn, LocalDate endsOn) {}

  record ObjectiveRow(
      long id,
      Long goalId,
      String code,
      String name,
      String ownerGroup,
      String placementNote,
      LocalDate startsOn,
      LocalDate endsOn) {}

  record MeasureRow(
      long id,
      Long objectiveId,
      String code,
      String name,
      String description,
      String ownerGroup,
      LocalDate startsOn,
      LocalDate dueOn,
      MeasureStatus status,
      int progress,
      String note) {}

  /** The current strategy: the one adopted last. */
  Optional<StrategyRow> currentStrategy() {
    return jdbc.sql(
            """
            select id, code, name, municipality, adopted_on from mu_strategy
            order by adopted_on desc nulls last, id desc fetch first 1 rows only""")
        .query(
            (rs, n) ->
                new StrategyRow(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("municipality"),
                    localDate(rs, "adopted_on")))
        .optional();
  }

  boolean anyStrategy() {
    return jdbc.sql("select count(*) from mu_strategy").query(Long.class).single() > 0;
  }

  List<GoalRow> goals(long strategyId) {
    return jdbc.sql(
            "select id, code, name, owner_group, starts_on, ends_on from mu_goal "
                + "where strategy_id = ? order by position, id")
        .param(strategyId)
        .query(
            (rs, n) ->
                new GoalRow(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("owner_group"),
                    localDate(rs, "starts_on"),
                    localDate(rs, "ends_on")))
        .list();
  }

  List<ObjectiveRow> objectives(long strategyId) {
    return jdbc.sql(
            "select id, goal_id, code, name, owner_group, placement_note, starts_on, "
                + "ends_on from mu_objective where strategy_id = ? order by position, id")
        .param(strategyId)
        .query(
            (rs, n) ->
                new ObjectiveRow(
                    rs.getLong("id"),
                    rs.getObject("goal_id", Long.class),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("owner_group"),
                    rs.getString("placement_note"),
                    localDate(rs, "starts_on"),
                    localDate(rs, "ends_on")))
        .list();
  }

  List<MeasureRow> measures(long strategyId) {
    return jdbc.sql(MEASURE_SELECT + " where strategy_id = ? order by position, id")
        .param(strategyId)
        .query(StrategyRepository::measureRow)
        .list();
  }

  Optional<MeasureRow> measure(String code) {
    return jdbc.sql(MEASURE_SELECT + " where code = ?")
        .param(code)
        .query(StrategyRepository::measureRow)
        .optional();
  }

  String objectiveCode(long objectiveId) {
    return jdbc.sql("select code from mu_objective where id = ?")
        .param(objectiveId)
        .query(String.class)
        .single();
  }

  String strategyCodeOfMeasure(long measureId) {
    return jdbc.sql(
            "select s.code from mu_strategy s join mu_measure m on m.strategy_id = s.id "
                + "where m.id = ?")
        .param(measureId)
        .query(String.class)
        .single();
  }

  /**
   * What the strategy's state depends on, cheaply: its revision and the newest measure, status
   * change and rating (each an index's last entry). Equal versions, equal strategy views.
   */
  String version(long strategyId) {
    return jdbc.sql(
            """
            select s.revision,
              (select coalesce(max(id), 0) from mu_measure),
              (select coalesce(max(id), 0) from mu_measure_status_log),
              (select coalesce(max(id), 0) from mu_evaluation_rating)
            from mu_strategy s where s.id = ?""")
        .param(strategyId)
        .query(
            (rs, n) ->
                strategyId
                    + "."
                    + rs.getLong(1)
                    + "."
                    + rs.getLong(2)
                    + "."
                    + rs.getLong(3)
                    + "."
                    + rs.getLong(4))
        .single();
  }

  /** Raises the strategy's revision (a change that adds no row the version counts). */
  void touch(long strategyId) {
    jdbc.sql("update mu_strategy set revision = revision + 1 where id = ?")
        .param(strategyId)
        .update();
  }

  void touchAll() {
    jdbc.sql("update mu_strategy set revision = revision + 1").update();
  }

  /** Per objective (null: measures under none) and status: how many, and their progress summed. */
  record StatusCount(Long objectiveId, MeasureStatus status, int measures, long progress) {}

  List<StatusCount> statusCounts(long strategyId) {
    return jdbc.sql(
            "select objective_id, status, count(*), sum(progress) from mu_measure "
                + "where strategy_id = ? group by objective_id, status")
        .param(strategyId)
        .query(
            (rs, n) ->
                new StatusCount(
                    rs.getObject(1, Long.class),
                    MeasureStatus.valueOf(rs.getString(2)),
                    rs.getInt(3),
                    rs.getLong(4)))
        .list();
  }

  /** A page of one objective's measures (null: those under no objective), in their order. */
  List<MeasureRow> measures(long strategyId, Long objectiveId, int offset, int limit) {
    String under = objectiveId == null ? "objective_id is null" : "objective_id = ?";
    var query =
        jdbc.sql(
                MEASURE_SELECT
                    + " where strategy_id = ? and "
                    + under
                    + " order by position, id offset ? rows fetch next ? rows only")
            .param(strategyId);
    if (objectiveId != null) {
      query = query.param(objectiveId);
    }
    return query.param(offset).param(limit).query(StrategyRepository::measureRow).list();
  }

  // --- changing a measure -------------------------------------------------------------------

  /** Reads a measure and locks its row until the transaction ends (changes are serialised). */
  Optional<Measure> lockMeasure(String code) {
    return jdbc.sql(
            "select id, code, owner_group, status, progress, note from mu_measure "
                + "where code = ? for update")
        .param(code)
        .query(
            (rs, n) ->
                new Measure(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("owner_group"),
                    MeasureStatus.valueOf(rs.getString("status")),
                    rs.getInt("progress"),
                    rs.getString("note")))
        .optional();
  }

  void saveState(Measure measure) {
    jdbc.sql("update mu_measure set status = ?, progress = ?, note = ? where id = ?")
        .params(measure.status().name(), measure.progress(), measure.note(), measure.id())
        .update();
  }

  long insertMeasure(long strategyId, Long objectiveId, String code, String name, String owner) {
    int position =
        jdbc.sql(
                "select coalesce(max(position), -1) + 1 from mu_measure " + "where strategy_id = ?")
            .param(strategyId)
            .query(Integer.class)
            .single();
    return insert(
        "insert into mu_measure (strategy_id, objective_id, code, name, owner_group, "
            + "status, progress, position) values (?, ?, ?, ?, ?, 'NOT_STARTED', 0, ?)",
        strategyId,
        objectiveId,
        code,
        name,
        owner,
        position);
  }

  private long insert(String sql, Object... params) {
    return GeneratedIds.insert(jdbc.sql(sql).params(params));
  }

  private int update(String sql, Object... params) {
    return jdbc.sql(sql).params(params).update();
  }

  // --- mapping ------------------------------------------------------------------------------

  private static final String MEASURE_SELECT =
      "select id, objective_id, code, name, description, "
          + "owner_group, starts_on, due_on, status, progress, note from mu_measure";

  private static MeasureRow measureRow(ResultSet rs, int n) throws SQLException {
    return new MeasureRow(
        rs.getLong("id"),
        rs.getObject("objective_id", Long.class),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("owner_group"),
        localDate(rs, "starts_on"),
        localDate(rs, "due_on"),
        MeasureStatus.valueOf(rs.getString("status")),
        rs.getInt("progress"),
        rs.getString("note"));
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }
}
