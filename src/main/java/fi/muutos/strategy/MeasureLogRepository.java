package fi.muutos.strategy;

import fi.muutos.strategy.StrategyView.ChangeView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the measures' status log (MU_MEASURE_STATUS_LOG): every change with who or which case's
 * step made it, appended in the change's transaction and never rewritten; read as a measure's
 * history, its latest change, and what a case or a process model moved.
 */
@Repository
class MeasureLogRepository {

  private final JdbcClient jdbc;

  MeasureLogRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
        .query(MeasureLogRepository::byMeasure)
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
        .query(MeasureLogRepository::byMeasure)
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Map.Entry<Long, ChangeView> byMeasure(ResultSet rs, int n) throws SQLException {
    return Map.entry(rs.getLong("measure_id"), change(rs));
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
}
