package fi.muutos.strategy;

import fi.muutos.platform.GeneratedIds;
import fi.muutos.strategy.StrategyFile.EvaluationData;
import fi.muutos.strategy.StrategyFile.GoalData;
import fi.muutos.strategy.StrategyFile.Header;
import fi.muutos.strategy.StrategyFile.MeasureData;
import fi.muutos.strategy.StrategyFile.ObjectiveData;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for writing a strategy data file: each item is updated by its code or inserted, in the
 * caller's transaction. One typed method per table; no SQL or table name is passed in.
 */
@Repository
class StrategyFileRepository {

  /** The tables whose rows a file names by code. */
  enum Coded {
    STRATEGY("mu_strategy"),
    GOAL("mu_goal"),
    OBJECTIVE("mu_objective"),
    MEASURE("mu_measure"),
    EVALUATION("mu_evaluation");

    private final String table;

    Coded(String table) {
      this.table = table;
    }
  }

  private final JdbcClient jdbc;

  StrategyFileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Long> idOf(Coded table, String code) {
    return jdbc.sql("select id from " + table.table + " where code = ?")
        .param(code)
        .query(Long.class)
        .optional();
  }

  /**
   * Updates the row with this code, or inserts it: {@code columns} (the class's own constants,
   * never input) in the order of {@code values}.
   */
  private long save(Coded table, String code, String columns, Object... values) {
    Optional<Long> id = idOf(table, code);
    List<Object> params = new java.util.ArrayList<>(java.util.Arrays.asList(values));
    if (id.isPresent()) {
      params.add(id.get());
      jdbc.sql(
              "update "
                  + table.table
                  + " set "
                  + columns.replace(",", " = ?,")
                  + " = ? where id = ?")
          .params(params)
          .update();
      return id.get();
    }
    params.add(code);
    return GeneratedIds.insert(
        jdbc.sql(
                "insert into "
                    + table.table
                    + " ("
                    + columns
                    + ", code) values ("
                    + "?, ".repeat(values.length)
                    + "?)")
            .params(params));
  }

  /** The codes a strategy has in a table (goals, objectives, measures, evaluations). */
  List<String> codesOf(Coded table, long strategyId) {
    return jdbc.sql("select code from " + table.table + " where strategy_id = ? order by code")
        .param(strategyId)
        .query(String.class)
        .list();
  }

  long strategy(Header h) {
    return save(
        Coded.STRATEGY,
        h.code(),
        "name, municipality, adopted_on, description",
        h.name(),
        h.municipality(),
        h.adoptedOn(),
        h.description());
  }

  long goal(long strategyId, GoalData g, int position) {
    return save(
        Coded.GOAL,
        g.code(),
        "strategy_id, name, owner_group, starts_on, ends_on, position",
        strategyId,
        g.name(),
        g.owner(),
        g.startsOn(),
        g.endsOn(),
        position);
  }

  long objective(long strategyId, Long goalId, ObjectiveData o, int position) {
    return save(
        Coded.OBJECTIVE,
        o.code(),
        "strategy_id, goal_id, name, owner_group, placement_note, starts_on, ends_on, position",
        strategyId,
        goalId,
        o.name(),
        o.owner(),
        o.placementNote(),
        o.startsOn(),
        o.endsOn(),
        position);
  }

  /** Updates a measure's data; its status, progress and note stay as the work left them. */
  void updateMeasure(long id, long strategyId, Long objectiveId, MeasureData m, int position) {
    jdbc.sql(
            "update mu_measure set strategy_id = ?, objective_id = ?, name = ?, description = ?, "
                + "owner_group = ?, starts_on = ?, due_on = ?, position = ? where id = ?")
        .params(
            strategyId,
            objectiveId,
            m.name(),
            m.description(),
            m.owner(),
            m.startsOn(),
            m.dueOn(),
            position,
            id)
        .update();
  }

  long insertMeasure(long strategyId, Long objectiveId, MeasureData m, int position) {
    return insert(
        "insert into mu_measure (strategy_id, objective_id, code, name, description, owner_group, "
            + "starts_on, due_on, status, progress, note, position) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        strategyId,
        objectiveId,
        m.code(),
        m.name(),
        m.description(),
        m.owner(),
        m.startsOn(),
        m.dueOn(),
        m.status().name(),
        m.progress(),
        m.note(),
        position);
  }

  /** Writes an evaluation; its earlier ratings and findings are removed (replaced as a whole). */
  long evaluation(long strategyId, EvaluationData e) {
    long id =
        save(
            Coded.EVALUATION,
            e.code(),
            "strategy_id, name, evaluator, started_on, ended_on, method",
            strategyId,
            e.name(),
            e.evaluator(),
            e.startedOn(),
            e.endedOn(),
            e.method());
    jdbc.sql("delete from mu_evaluation_rating where evaluation_id = ?").param(id).update();
    jdbc.sql("delete from mu_evaluation_finding where evaluation_id = ?").param(id).update();
    return id;
  }

  void rating(long evaluationId, Long goalId, Long objectiveId, String verdict) {
    jdbc.sql(
            "insert into mu_evaluation_rating (evaluation_id, goal_id, objective_id, verdict) "
                + "values (?, ?, ?, ?)")
        .params(evaluationId, goalId, objectiveId, verdict)
        .update();
  }

  void finding(long evaluationId, String kind, String text, int position) {
    jdbc.sql(
            "insert into mu_evaluation_finding (evaluation_id, kind, text, position) "
                + "values (?, ?, ?, ?)")
        .params(evaluationId, kind, text, position)
        .update();
  }

  private long insert(String sql, Object... params) {
    return GeneratedIds.insert(jdbc.sql(sql).params(params));
  }
}
