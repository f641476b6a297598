package fi.muutos.strategy;

import fi.muutos.platform.GeneratedIds;
import fi.muutos.strategy.StrategyView.ChangeView;
import fi.muutos.strategy.StrategyView.EvaluationView;
import fi.muutos.strategy.StrategyView.FindingView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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

  record RatingRow(
      Long goalId,
      Long objectiveId,
      String evaluationCode,
      String evaluationName,
      String verdict,
      Double meanScore,
      Integer responses,
      String respondentGroup) {}

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

  /** The latest change of each of these measures, by measure id. */
  Map<Long, ChangeView> lastChanges(List<Long> measureIds) {
    if (measureIds.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql(
            """
            select l.* from mu_measure_status_log l
            where l.id in (select max(l2.id) from mu_measure_status_log l2
                           where l2.measure_id in (:ids) group by l2.measure_id)""")
        .param("ids", measureIds)
        .query((rs, n) -> Map.entry(rs.getLong("measure_id"), change(rs)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * The latest change of each measure of a strategy, by measure id: one index lookup per measure
   * (the log's index on measure and id), however long the log grows.
   */
  Map<Long, ChangeView> lastChanges(long strategyId) {
    return jdbc
        .sql(
            """
            select l.* from mu_measure m, mu_measure_status_log l
            where m.strategy_id = ?
              and l.id = (select max(l2.id) from mu_measure_status_log l2
                          where l2.measure_id = m.id)""")
        .param(strategyId)
        .query((rs, n) -> Map.entry(rs.getLong("measure_id"), change(rs)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** A change of the log with its measure's code. */
  record MeasureChange(String code, ChangeView change) {}

  /** Every change one process instance made, oldest first. */
  List<MeasureChange> changesByInstance(String processInstanceId) {
    return jdbc.sql(
            "select l.*, m.code from mu_measure_status_log l join mu_measure m on m.id ="
                + " l.measure_id where l.process_instance_id = ? order by l.id")
        .param(processInstanceId)
        .query((rs, n) -> new MeasureChange(rs.getString("code"), change(rs)))
        .list();
  }

  /** Every change the instances of a process model made, oldest first (at most the last 5,000). */
  List<MeasureChange> changesByProcess(String processDefinitionKey) {
    return jdbc.sql(
            "select * from (select l.*, m.code from mu_measure_status_log l join mu_measure m on"
                + " m.id = l.measure_id where l.process_definition_key = ? order by l.id desc"
                + " fetch first 5000 rows only) c order by c.id")
        .param(processDefinitionKey)
        .query((rs, n) -> new MeasureChange(rs.getString("code"), change(rs)))
        .list();
  }

  List<ChangeView> log(long measureId) {
    return jdbc.sql("select * from mu_measure_status_log where measure_id = ? order by id desc")
        .param(measureId)
        .query((rs, n) -> change(rs))
        .list();
  }

  List<RatingRow> ratings(long strategyId) {
    return jdbc.sql(
            """
            select r.goal_id, r.objective_id, e.code, e.name, r.verdict, r.mean_score, r.responses,
                   r.respondent_group
            from mu_evaluation_rating r join mu_evaluation e on e.id = r.evaluation_id
            where e.strategy_id = ? order by e.ended_on, e.id, r.id""")
        .param(strategyId)
        .query(
            (rs, n) ->
                new RatingRow(
                    rs.getObject("goal_id", Long.class),
                    rs.getObject("objective_id", Long.class),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("verdict"),
                    rs.getObject("mean_score") == null
                        ? null
                        : rs.getBigDecimal("mean_score").doubleValue(),
                    rs.getObject("responses", Integer.class),
                    rs.getString("respondent_group")))
        .list();
  }

  List<EvaluationView> evaluations(long strategyId) {
    record Row(long id, EvaluationView view) {}
    List<Row> rows =
        jdbc.sql("select * from mu_evaluation where strategy_id = ? order by ended_on, id")
            .param(strategyId)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("id"),
                        new EvaluationView(
                            rs.getString("code"),
                            rs.getString("name"),
                            rs.getString("evaluator"),
                            localDate(rs, "started_on"),
                            localDate(rs, "ended_on"),
                            rs.getString("method"),
                            List.of())))
            .list();
    return rows.stream()
        .map(
            row ->
                new EvaluationView(
                    row.view().code(),
                    row.view().name(),
                    row.view().evaluator(),
                    row.view().startedOn(),
                    row.view().endedOn(),
                    row.view().method(),
                    jdbc.sql(
                            "select kind, text from mu_evaluation_finding where evaluation_id = ? "
                                + "order by position, id")
                        .param(row.id())
                        .query(
                            (rs, n) -> new FindingView(rs.getString("kind"), rs.getString("text")))
                        .list()))
        .toList();
  }

  // --- changing a measure -------------------------------------------------------------------

  /** Reads a measure and locks its row until the transaction ends (changes are serialised). */
  /** The measures a case's steps have moved, by code, in the order it first moved them. */
  List<String> measuresMovedBy(String businessKey) {
    return jdbc.sql(
            """
            select m.code from mu_measure m join mu_measure_status_log l on l.measure_id = m.id
            where l.business_key = ? and l.source_type = 'PROCESS'
            group by m.code order by min(l.id)""")
        .param(businessKey)
        .query(String.class)
        .list();
  }

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

  void appendLog(
      long measureId,
      OffsetDateTime at,
      MeasureStatus oldStatus,
      Integer oldProgress,
      Measure next,
      ChangeSource source) {
    String userId = null;
    String definitionKey = null;
    String instanceId = null;
    String businessKey = null;
    String activityId = null;
    if (source instanceof ChangeSource.Person person) {
      userId = person.userId();
    } else if (source instanceof ChangeSource.Import importer) {
      userId = importer.userId();
    } else if (source instanceof ChangeSource.Process process) {
      definitionKey = process.definitionKey();
      instanceId = process.instanceId();
      businessKey = process.businessKey();
      activityId = process.activityId();
    }
    jdbc.sql(
            """
            insert into mu_measure_status_log (measure_id, changed_at, old_status, new_status,
              old_progress, new_progress, note, source_type, user_id, process_definition_key,
              process_instance_id, business_key, activity_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            measureId,
            at,
            oldStatus == null ? null : oldStatus.name(),
            next.status().name(),
            oldProgress,
            next.progress(),
            next.note(),
            source.type(),
            userId,
            definitionKey,
            instanceId,
            businessKey,
            activityId)
        .update();
  }

  /** Replaces an evaluation (by code) with its ratings and findings. */
  void replaceEvaluation(
      long strategyId,
      EvaluationRecord e,
      Map<String, Long> goalIds,
      Map<String, Long> objectiveIds) {
    Long id =
        jdbc.sql("select id from mu_evaluation where code = ?")
            .param(e.code())
            .query(Long.class)
            .optional()
            .orElse(null);
    if (id == null) {
      id =
          insert(
              "insert into mu_evaluation (strategy_id, code, name, evaluator, started_on, "
                  + "ended_on, method) values (?, ?, ?, ?, ?, ?, ?)",
              strategyId,
              e.code(),
              e.name(),
              e.evaluator(),
              e.startedOn(),
              e.endedOn(),
              e.method());
    } else {
      update(
          "update mu_evaluation set name = ?, evaluator = ?, started_on = ?, ended_on = ?, "
              + "method = ? where id = ?",
          e.name(),
          e.evaluator(),
          e.startedOn(),
          e.endedOn(),
          e.method(),
          id);
      update("delete from mu_evaluation_rating where evaluation_id = ?", id);
      update("delete from mu_evaluation_finding where evaluation_id = ?", id);
    }
    for (EvaluationRecord.Rating r : e.ratings()) {
      update(
          "insert into mu_evaluation_rating (evaluation_id, goal_id, objective_id, verdict, "
              + "mean_score, responses, respondent_group) values (?, ?, ?, ?, ?, ?, ?)",
          id,
          r.goal() ? goalIds.get(r.code()) : null,
          r.goal() ? null : objectiveIds.get(r.code()),
          r.verdict(),
          r.meanScore() == null
              ? null
              : java.math.BigDecimal.valueOf(r.meanScore())
                  .setScale(2, java.math.RoundingMode.HALF_UP),
          r.responses(),
          r.respondentGroup());
    }
    int position = 0;
    for (EvaluationRecord.Finding f : e.findings()) {
      update(
          "insert into mu_evaluation_finding (evaluation_id, kind, text, position) "
              + "values (?, ?, ?, ?)",
          id,
          f.kind(),
          f.text(),
          position++);
    }
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

  private static ChangeView change(ResultSet rs) throws SQLException {
    String oldStatus = rs.getString("old_status");
    return new ChangeView(
        rs.getObject("changed_at", OffsetDateTime.class),
        oldStatus == null ? null : MeasureStatus.valueOf(oldStatus),
        MeasureStatus.valueOf(rs.getString("new_status")),
        rs.getObject("old_progress", Integer.class),
        rs.getInt("new_progress"),
        rs.getString("note"),
        rs.getString("source_type"),
        rs.getString("user_id"),
        rs.getString("process_definition_key"),
        rs.getString("process_instance_id"),
        rs.getString("business_key"),
        rs.getString("activity_id"));
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }
}
