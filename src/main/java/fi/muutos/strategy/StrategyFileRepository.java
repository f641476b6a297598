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

  /** The codes a strategy has in a table (goals, objectives, measures, evaluations). */
  List<String> codesOf(Coded table, long strategyId) {
    return jdbc.sql("select code from " + table.table + " where strategy_id = ? order by code")
        .param(strategyId)
        .query(String.class)
        .list();
  }

  long strategy(Header h) {
    Optional<Long> id = idOf(Coded.STRATEGY, h.code());
    if (id.isPresent()) {
      jdbc.sql(
              "update mu_strategy set name = ?, municipality = ?, adopted_on = ?, description = ? "
                  + "where id = ?")
          .params(h.name(), h.municipality(), h.adoptedOn(), h.description(), id.get())
          .update();
      return id.get();
    }
    return insert(
        "insert into mu_strategy (name, municipality, adopted_on, description, code) "
            + "values (?, ?, ?, ?, ?)",
        h.name(),
        h.municipality(),
        h.adoptedOn(),
        h.description(),
        h.code());
  }

  long goal(long strategyId, GoalData g, int position) {
    Optional<Long> id = idOf(Coded.GOAL, g.code());
    if (id.isPresent()) {
      jdbc.sql(
              "update mu_goal set strategy_id = ?, name = ?, owner_group = ?, starts_on = ?, "
                  + "ends_on = ?, position = ? where id = ?")
          .params(strategyId, g.name(), g.owner(), g.startsOn(), g.endsOn(), position, id.get())
          .update();
      return id.get();
    }
    return insert(
        "insert into mu_goal (strategy_id, name, owner_group, starts_on, ends_on, position, code) "
            + "values (?, ?, ?, ?, ?, ?, ?)",
        strategyId,
        g.name(),
        g.owner(),
        g.startsOn(),
        g.endsOn(),
        position,
        g.code());
  }

  long objective(long strategyId, Long goalId, ObjectiveData o, int position) {
    Optional<Long> id = idOf(Coded.OBJECTIVE, o.code());
    if (id.isPresent()) {
      jdbc.sql(
              "update mu_objective set strategy_id = ?, goal_id = ?, name = ?, owner_group = ?, "
                  + "placement_note = ?, starts_on = ?, ends_on = ?, position = ? where id = ?")
          .params(
              strategyId,
              goalId,
              o.name(),
              o.owner(),
              o.placementNote(),
              o.startsOn(),
              o.endsOn(),
              position,
              id.get())
          .update();
      return id.get();
    }
    return insert(
        "insert into mu_objective (strategy_id, goal_id, name, owner_group, placement_note, "
            + "starts_on, ends_on, position, code) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        strategyId,
        goalId,
        o.name(),
        o.owner(),
        o.placementNote(),
        o.startsOn(),
        o.endsOn(),
        position,
        o.code());
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
    Optional<Long> id = idOf(Coded.EVALUATION, e.code());
    if (id.isEmpty()) {
      return insert(
          "insert into mu_evaluation (strategy_id, name, evaluator, started_on, ended_on, method, "
              + "code) values (?, ?, ?, ?, ?, ?, ?)",
          strategyId,
          e.name(),
          e.evaluator(),
          e.startedOn(),
          e.endedOn(),
          e.method(),
          e.code());
    }
    jdbc.sql(
            "update mu_evaluation set strategy_id = ?, name = ?, evaluator = ?, started_on = ?, "
                + "ended_on = ?, method = ? where id = ?")
        .params(
            strategyId, e.name(), e.evaluator(), e.startedOn(), e.endedOn(), e.method(), id.get())
        .update();
    jdbc.sql("delete from mu_evaluation_rating where evaluation_id = ?").param(id.get()).update();
    jdbc.sql("delete from mu_evaluation_finding where evaluation_id = ?").param(id.get()).update();
    return id.get();
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
