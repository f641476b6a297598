package fi.muutos.evaluation;

import fi.muutos.evaluation.EvaluationResults.Answer;
import fi.muutos.platform.GeneratedIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the evaluation tables (MU_EVAL*): what only an evaluation has. Answers are stored with
 * the respondent's group, never with a user id.
 */
@Repository
class EvaluationRepository {

  /** What only an evaluation has; the case record has the rest. */
  record EvaluationRow(
      long id,
      String businessKey,
      String evaluator,
      LocalDate startedOn,
      LocalDate surveyClosesOn,
      String surveyFormId,
      BigDecimal responseRate,
      String synthesis,
      String successes,
      String followUps) {}

  /** Respondents and answered respondents per group. */
  record Participation(Map<String, Integer> respondents, Map<String, Integer> answered) {}

  private static final String SELECT =
      """
      select id, business_key, evaluator, started_on, survey_closes_on, survey_form_id,
        response_rate, synthesis, successes, follow_ups
      from mu_eval""";

  private final JdbcClient jdbc;

  EvaluationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String businessKey, String evaluator, LocalDate startedOn, LocalDate closesOn) {
    return GeneratedIds.insert(
        jdbc.sql(
                """
            insert into mu_eval (business_key, evaluator, started_on, survey_closes_on)
            values (?, ?, ?, ?)""")
            .params(businessKey, evaluator, startedOn, closesOn));
  }

  void addRespondent(long id, String userId, String group) {
    jdbc.sql(
            "insert into mu_eval_respondent (eval_id, user_id, respondent_group, answered) "
                + "values (?, ?, ?, false)")
        .params(id, userId, group)
        .update();
  }

  Optional<EvaluationRow> find(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(EvaluationRow.class).optional();
  }

  Optional<EvaluationRow> findByBusinessKey(String businessKey) {
    return jdbc.sql(SELECT + " where business_key = ?")
        .param(businessKey)
        .query(EvaluationRow.class)
        .optional();
  }

  void surveyFormId(long id, String formId) {
    jdbc.sql("update mu_eval set survey_form_id = ? where id = ?").params(formId, id).update();
  }

  List<String> respondentIds(long id) {
    return jdbc.sql("select user_id from mu_eval_respondent where eval_id = ? order by id")
        .param(id)
        .query(String.class)
        .list();
  }

  Optional<String> respondentGroup(long id, String userId) {
    return jdbc.sql(
            "select respondent_group from mu_eval_respondent where eval_id = ? and user_id = ?")
        .params(id, userId)
        .query(String.class)
        .optional();
  }

  /** Counts one rating of an item by someone of the group: no row of the respondent's own. */
  void countRating(long id, String group, String target, String itemCode, int rating) {
    int updated =
        jdbc.sql(
                "update mu_eval_tally set answers = answers + 1 where eval_id = ? "
                    + "and respondent_group = ? and target = ? and item_code = ? and rating = ?")
            .params(id, group, target, itemCode, rating)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into mu_eval_tally (eval_id, respondent_group, target, item_code, rating, "
                  + "answers) values (?, ?, ?, ?, ?, 1)")
          .params(id, group, target, itemCode, rating)
          .update();
    }
  }

  /** Zero counts of every rating of every item for a group, made before any ballot. */
  void prepareTallies(long id, String group, String target, List<String> itemCodes) {
    List<Object[]> rows = new java.util.ArrayList<>();
    for (String code : itemCodes) {
      for (int rating = 1; rating <= 5; rating++) {
        rows.add(new Object[] {id, group, target, code, rating});
      }
    }
    for (Object[] row : rows) {
      jdbc.sql(
              "insert into mu_eval_tally (eval_id, respondent_group, target, item_code, rating,"
                  + " answers) select ?, ?, ?, ?, ?, 0 where not exists (select 1 from"
                  + " mu_eval_tally where eval_id = ? and respondent_group = ? and target = ?"
                  + " and item_code = ? and rating = ?)")
          .params(row[0], row[1], row[2], row[3], row[4], row[0], row[1], row[2], row[3], row[4])
          .update();
    }
  }

  /**
   * A comment on an item, with the respondent's group only, under a random key: neither its key nor
   * an identity column relates it to the order of the completions (issue 35, E2).
   */
  void addComment(long id, String group, String target, String itemCode, String comment) {
    jdbc.sql(
            "insert into mu_eval_comment (id, eval_id, respondent_group, target, item_code,"
                + " comment) values (?, ?, ?, ?, ?, ?)")
        .params(java.util.UUID.randomUUID().toString(), id, group, target, itemCode, comment)
        .update();
  }

  /** The evaluation's comments, in no meaningful order (the caller shuffles them). */
  List<SurveyComment> comments(long id) {
    return jdbc.sql(
            "select respondent_group, target, item_code, comment from mu_eval_comment where"
                + " eval_id = ? union all select respondent_group, target, objective_code,"
                + " comment from mu_eval_answer where eval_id = ? and comment is not null")
        .params(id, id)
        .query(SurveyComment.class)
        .list();
  }

  /**
   * Seals the ballots at the close (issue 35, E2): the comments are written again under new keys in
   * a random order, and every count and participation row is rewritten, all in this one
   * transaction. Until now each row's physical place and its writing transaction (PostgreSQL's
   * {@code xmin}) were those of the ballot that wrote it last, which the respondent's own row
   * shares; after this all of them carry the close's.
   */
  void sealBallots(long id) {
    List<SurveyComment> written =
        new java.util.ArrayList<>(
            jdbc.sql(
                    "select respondent_group, target, item_code, comment from mu_eval_comment"
                        + " where eval_id = ?")
                .param(id)
                .query(SurveyComment.class)
                .list());
    jdbc.sql("delete from mu_eval_comment where eval_id = ?").param(id).update();
    java.util.Collections.shuffle(written, new java.security.SecureRandom());
    written.forEach(
        c -> addComment(id, c.respondentGroup(), c.target(), c.itemCode(), c.comment()));
    jdbc.sql("update mu_eval_tally set answers = answers where eval_id = ?").param(id).update();
    jdbc.sql("update mu_eval_respondent set answered = answered where eval_id = ?")
        .param(id)
        .update();
  }

  void answered(long id, String userId) {
    jdbc.sql("update mu_eval_respondent set answered = true where eval_id = ? and user_id = ?")
        .params(id, userId)
        .update();
  }

  Participation participation(long id) {
    Map<String, Integer> respondents = new TreeMap<>();
    Map<String, Integer> answered = new TreeMap<>();
    jdbc.sql("select respondent_group, answered from mu_eval_respondent where eval_id = ?")
        .param(id)
        .query(
            rs -> {
              respondents.merge(rs.getString(1), 1, Integer::sum);
              if (rs.getBoolean(2)) {
                answered.merge(rs.getString(1), 1, Integer::sum);
              }
            });
    return new Participation(respondents, answered);
  }

  void responseRate(long id, BigDecimal rate) {
    jdbc.sql("update mu_eval set response_rate = ? where id = ?").params(rate, id).update();
  }

  void addInterview(long id, String role, String summary, OffsetDateTime at) {
    jdbc.sql(
            "insert into mu_eval_interview (eval_id, role, summary, recorded_at) "
                + "values (?, ?, ?, ?)")
        .params(id, role, summary, at)
        .update();
  }

  int interviews(long id) {
    return jdbc.sql("select count(*) from mu_eval_interview where eval_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  void synthesis(long id, String synthesis, String successes, String followUps) {
    jdbc.sql("update mu_eval set synthesis = ?, successes = ?, follow_ups = ? where id = ?")
        .params(synthesis, successes, followUps, id)
        .update();
  }

  /** The ratings of one kind of item (GOAL, OBJECTIVE), one per answer counted. */
  List<Answer> answers(long id, String target) {
    List<Answer> answers = new java.util.ArrayList<>();
    jdbc.sql(
            "select respondent_group, item_code, rating, answers from mu_eval_tally "
                + "where eval_id = ? and target = ? order by respondent_group, item_code, rating")
        .params(id, target)
        .query(
            rs -> {
              for (int i = 0; i < rs.getInt(4); i++) {
                answers.add(new Answer(rs.getString(1), rs.getString(2), rs.getInt(3)));
              }
            });
    return answers;
  }
}
