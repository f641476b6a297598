package fi.muutos.zoning;

import fi.muutos.platform.GeneratedIds;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for MU_ZONING_PLAN, what only a plan has (the case record, {@code fi.muutos.cases}, has the
 * rest), in the caller's (the engine's) transaction.
 */
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
      PlanType planType,
      boolean significant,
      String areaDescription,
      String approvingBody,
      int displayRound,
      LocalDate displayEndsOn,
      LocalDate appealEndsOn,
      int reminders,
      int lateSubmissions,
      LocalDate noticeDate,
      String appealCourt,
      String appealOutcome,
      LocalDate appealDecidedOn,
      LocalDate furtherAppealEndsOn,
      boolean initiatedInReview) {}

  long insert(String businessKey, PlanType type, boolean significant, String area) {
    return GeneratedIds.insert(
        jdbc.sql(
                """
            insert into mu_zoning_plan (business_key, plan_type, significant, area_description,
              display_round, reminders)
            values (?, ?, ?, ?, 0, 0)""")
            .params(businessKey, type.name(), significant, area));
  }

  Optional<PlanRow> find(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(PlanRow.class).optional();
  }

  Optional<PlanRow> findByBusinessKey(String businessKey) {
    return jdbc.sql(SELECT + " where business_key = ?")
        .param(businessKey)
        .query(PlanRow.class)
        .optional();
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

  void appealPeriod(long planId, LocalDate noticeDate, LocalDate endsOn) {
    jdbc.sql("update mu_zoning_plan set notice_date = ?, appeal_ends_on = ? where id = ?")
        .params(noticeDate, endsOn, planId)
        .update();
  }

  void courtDecision(
      long planId,
      String court,
      String outcome,
      LocalDate decidedOn,
      LocalDate furtherAppealEndsOn) {
    jdbc.sql(
            """
            update mu_zoning_plan set appeal_court = ?, appeal_outcome = ?, appeal_decided_on = ?,
              further_appeal_ends_on = ? where id = ?""")
        .params(court, outcome, decidedOn, furtherAppealEndsOn, planId)
        .update();
  }

  void requestStatement(String businessKey, int round, String authority, LocalDate dueOn) {
    jdbc.sql(
            "insert into mu_zoning_statement (business_key, display_round, authority, due_on)"
                + " values (?, ?, ?, ?)")
        .params(businessKey, round, authority, dueOn)
        .update();
  }

  void statementReceived(String businessKey, int round, String authority, LocalDate receivedOn) {
    jdbc.sql(
            """
            update mu_zoning_statement set received_on = ?,
              late = case when due_on is not null and ? > due_on then true else false end
            where business_key = ? and display_round = ? and authority = ?""")
        .params(receivedOn, receivedOn, businessKey, round, authority)
        .update();
  }

  /** The latest unanswered request of this authority answered late; false when there is none. */
  boolean lateStatement(String businessKey, String authority, LocalDate receivedOn) {
    return jdbc.sql(
                """
                update mu_zoning_statement set received_on = ?, late = true
                where id = (select max(id) from mu_zoning_statement
                  where business_key = ? and authority = ? and received_on is null)""")
            .params(receivedOn, businessKey, authority)
            .update()
        == 1;
  }

  void unrequestedStatement(String businessKey, int round, String authority, LocalDate receivedOn) {
    jdbc.sql(
            "insert into mu_zoning_statement (business_key, display_round, authority, received_on,"
                + " late) values (?, ?, ?, ?, true)")
        .params(businessKey, round, authority, receivedOn)
        .update();
  }

  List<ZoningPlanView.Statement> statements(String businessKey) {
    return jdbc.sql(
            "select display_round as round, authority, due_on, received_on, late"
                + " from mu_zoning_statement where business_key = ? order by id")
        .param(businessKey)
        .query(ZoningPlanView.Statement.class)
        .list();
  }

  void initiatedInReview(long planId, boolean inReview) {
    jdbc.sql("update mu_zoning_plan set initiated_in_review = ? where id = ?")
        .params(inReview, planId)
        .update();
  }

  void addLateSubmission(long planId) {
    jdbc.sql("update mu_zoning_plan set late_submissions = late_submissions + 1 where id = ?")
        .param(planId)
        .update();
  }

  void addReminder(long planId) {
    jdbc.sql("update mu_zoning_plan set reminders = reminders + 1 where id = ?")
        .param(planId)
        .update();
  }

  private static final String SELECT =
      """
      select id, business_key, plan_type, significant, area_description, approving_body,
        display_round, display_ends_on, appeal_ends_on, reminders, late_submissions, notice_date,
        appeal_court, appeal_outcome, appeal_decided_on, further_appeal_ends_on, initiated_in_review
      from mu_zoning_plan""";
}
