package fi.muutos.zoning;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
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
      boolean initiatedInReview,
      String areaGeoJson,
      String decidedBy,
      String decisionSection) {}

  long insert(String businessKey, PlanType type, boolean significant, String area) {
    return GeneratedIds.insert(
        jdbc.sql(
                """
            insert into mu_zoning_plan (business_key, plan_type, significant, area_description,
              display_round, reminders)
            values (?, ?, ?, ?, 0, 0)""")
            .params(businessKey, type.name(), significant, area));
  }

  /** The plan's stored row; a 404 when there is none. */
  PlanRow require(long planId) {
    return find(planId)
        .orElseThrow(
            () ->
                new DomainException(
                    Kind.NOT_FOUND,
                    "plan-not-found",
                    "Kaavaa " + planId + " ei ole (there is no plan with this id)."));
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

  void area(long planId, String geoJson) {
    jdbc.sql("update mu_zoning_plan set area_geojson = ? where id = ?")
        .params(geoJson, planId)
        .update();
  }

  /** Who made the plan's approval or rejection, and its section (§). */
  void decision(long planId, String decidedBy, String section) {
    jdbc.sql("update mu_zoning_plan set decided_by = ?, decision_section = ? where id = ?")
        .params(decidedBy, section, planId)
        .update();
  }

  /**
   * A display's period (round 0 the draft), once per round; a draft's is given anew when redone.
   */
  void displayPeriod(
      String businessKey,
      int round,
      LocalDate startsOn,
      LocalDate endsOn,
      LocalDate decidedOn,
      String decidedBy) {
    int updated =
        jdbc.sql(
                """
                update mu_zoning_display set starts_on = ?, ends_on = ?, decided_on = ?,
                  decided_by = ? where business_key = ? and display_round = ?""")
            .params(startsOn, endsOn, decidedOn, decidedBy, businessKey, round)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into mu_zoning_display (business_key, display_round, starts_on, ends_on,
                decided_on, decided_by) values (?, ?, ?, ?, ?, ?)""")
          .params(businessKey, round, startsOn, endsOn, decidedOn, decidedBy)
          .update();
    }
  }

  List<ZoningDisplays.DisplayPeriod> displays(String businessKey) {
    return jdbc.sql(
            """
            select display_round as round, starts_on, ends_on, decided_on, decided_by
            from mu_zoning_display where business_key = ? order by display_round""")
        .param(businessKey)
        .query(ZoningDisplays.DisplayPeriod.class)
        .list();
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

  /**
   * The latest unanswered request of this authority answered after its branch stopped waiting; late
   * only when dated after its due date (the statement's date decides, not when it was processed).
   * False when there is no such request.
   */
  boolean lateStatement(String businessKey, String authority, LocalDate receivedOn) {
    return jdbc.sql(
                """
                update mu_zoning_statement set received_on = ?,
                  late = case when due_on is not null and ? > due_on then true else false end
                where id = (select max(id) from mu_zoning_statement
                  where business_key = ? and authority = ? and received_on is null)""")
            .params(receivedOn, receivedOn, businessKey, authority)
            .update()
        == 1;
  }

  void unrequestedStatement(String businessKey, int round, String authority, LocalDate receivedOn) {
    jdbc.sql(
            "insert into mu_zoning_statement (business_key, display_round, authority, received_on,"
                + " late) values (?, ?, ?, ?, false)")
        .params(businessKey, round, authority, receivedOn)
        .update();
  }

  List<ZoningPlanView.Statement> statements(String businessKey) {
    return jdbc.sql(
            "select display_round as round, authority, due_on, received_on, late,"
                + " due_on is not null as requested"
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
        appeal_court, appeal_outcome, appeal_decided_on, further_appeal_ends_on, initiated_in_review,
        area_geojson as area_geo_json, decided_by, decision_section
      from mu_zoning_plan""";
}
