package fi.muutos.strategy;

import fi.muutos.platform.GeneratedIds;
import fi.muutos.strategy.StrategyView.EvaluationView;
import fi.muutos.strategy.StrategyView.FindingView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the evaluations published on a strategy (MU_EVALUATION*): their ratings of goals and
 * objectives, overall and per respondent group, and their findings. Runs in the caller's
 * transaction.
 */
@Repository
class EvaluationRatingRepository {

  private final JdbcClient jdbc;

  EvaluationRatingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record RatingRow(
      Long goalId,
      Long objectiveId,
      String evaluationCode,
      String evaluationName,
      String verdict,
      Double meanScore,
      Integer responses,
      String respondentGroup) {}

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
                            rs.getObject("started_on", LocalDate.class),
                            rs.getObject("ended_on", LocalDate.class),
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
          GeneratedIds.insert(
              jdbc.sql(
                      "insert into mu_evaluation (strategy_id, code, name, evaluator, started_on, "
                          + "ended_on, method) values (?, ?, ?, ?, ?, ?, ?)")
                  .params(
                      strategyId,
                      e.code(),
                      e.name(),
                      e.evaluator(),
                      e.startedOn(),
                      e.endedOn(),
                      e.method()));
    } else {
      write(
          "update mu_evaluation set name = ?, evaluator = ?, started_on = ?, ended_on = ?, "
              + "method = ? where id = ?",
          e.name(),
          e.evaluator(),
          e.startedOn(),
          e.endedOn(),
          e.method(),
          id);
      write("delete from mu_evaluation_rating where evaluation_id = ?", id);
      write("delete from mu_evaluation_finding where evaluation_id = ?", id);
    }
    for (EvaluationRecord.Rating r : e.ratings()) {
      write(
          "insert into mu_evaluation_rating (evaluation_id, goal_id, objective_id, verdict, "
              + "mean_score, responses, respondent_group) values (?, ?, ?, ?, ?, ?, ?)",
          id,
          r.goal() ? goalIds.get(r.code()) : null,
          r.goal() ? null : objectiveIds.get(r.code()),
          r.verdict(),
          r.meanScore() == null
              ? null
              : BigDecimal.valueOf(r.meanScore()).setScale(2, RoundingMode.HALF_UP),
          r.responses(),
          r.respondentGroup());
    }
    int position = 0;
    for (EvaluationRecord.Finding f : e.findings()) {
      write(
          "insert into mu_evaluation_finding (evaluation_id, kind, text, position) "
              + "values (?, ?, ?, ?)",
          id,
          f.kind(),
          f.text(),
          position++);
    }
  }

  /** Runs one statement that changes rows. */
  private void write(String sql, Object... params) {
    jdbc.sql(sql).params(params).update();
  }
}
