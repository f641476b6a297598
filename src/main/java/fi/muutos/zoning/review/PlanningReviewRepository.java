package fi.muutos.zoning.review;

import fi.muutos.platform.GeneratedIds;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for MU_PLANNING_REVIEW, in the caller's (the engine's) transaction. */
@Repository
class PlanningReviewRepository {

  private final JdbcClient jdbc;

  PlanningReviewRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(int year, String processInstanceId, OffsetDateTime at, int plans, String html) {
    return GeneratedIds.insert(
        jdbc.sql(
                "insert into mu_planning_review (review_year, process_instance_id, compiled_at,"
                    + " plans, html) values (?, ?, ?, ?, ?)")
            .params(year, processInstanceId, at, plans, html));
  }

  Optional<PlanningReviewView> find(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(PlanningReviewView.class).optional();
  }

  Optional<PlanningReviewView> findByInstance(String processInstanceId) {
    return jdbc.sql(SELECT + " where process_instance_id = ?")
        .param(processInstanceId)
        .query(PlanningReviewView.class)
        .optional();
  }

  List<PlanningReviewView> list() {
    return jdbc.sql(SELECT + " order by review_year desc, id desc")
        .query(PlanningReviewView.class)
        .list();
  }

  /** A review of this year that is not published yet (in another instance), if one is. */
  Optional<PlanningReviewView> unpublished(int year) {
    return jdbc.sql(SELECT + " where review_year = ? and published_on is null")
        .param(year)
        .query(PlanningReviewView.class)
        .optional();
  }

  /** The latest published review of each year, newest year first. */
  List<PlanningReviewView> published() {
    return jdbc.sql(
            SELECT
                + " where published_on is not null and not exists (select 1 from"
                + " mu_planning_review n where n.review_year = v.review_year"
                + " and n.published_on is not null and n.id > v.id) order by review_year desc")
        .query(PlanningReviewView.class)
        .list();
  }

  Optional<String> html(long id) {
    return jdbc.sql("select html from mu_planning_review where id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  void approved(long id, LocalDate on) {
    jdbc.sql("update mu_planning_review set approved_on = ? where id = ?").params(on, id).update();
  }

  void published(long id, LocalDate on) {
    jdbc.sql("update mu_planning_review set published_on = ? where id = ?").params(on, id).update();
  }

  /** Each review with its version: the how-manieth review of its year it is. */
  private static final String SELECT =
      "select * from (select id, review_year, process_instance_id, compiled_at, plans,"
          + " approved_on, published_on, (select count(*) from mu_planning_review e"
          + " where e.review_year = r.review_year and e.id <= r.id) as version"
          + " from mu_planning_review r) v";
}
