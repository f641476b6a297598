package fi.muutos.ryhti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.GeneratedIds;
import fi.muutos.platform.WorkQueue;
import fi.muutos.zoning.RyhtiProblem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the Ryhti outbox (MU_RYHTI_DELIVERY) and what Ryhti holds (MU_RYHTI_PLAN, _PHASE). */
@Repository
class RyhtiRepository {

  private final JdbcClient jdbc;

  /** The outbox as a work queue: a message waiting to be delivered. */
  private final WorkQueue<Long> queue;

  private final ObjectMapper json;

  RyhtiRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.queue = new WorkQueue<>(jdbc, "mu_ryhti_delivery", Long.class, "state = 'PENDING'");
    this.json = json;
  }

  /** A queued message. */
  record Row(
      long id,
      String businessKey,
      String kind,
      String lifecycleCode,
      String phaseKey,
      String body,
      String state,
      int attempts,
      OffsetDateTime nextAttemptAt,
      Integer lastStatus,
      String lastError,
      String problems,
      OffsetDateTime createdAt,
      OffsetDateTime deliveredAt) {}

  long insert(
      String businessKey,
      String kind,
      String lifecycleCode,
      String phaseKey,
      String body,
      List<RyhtiProblem> problems,
      OffsetDateTime now) {
    return GeneratedIds.insert(
        jdbc.sql(
                """
                insert into mu_ryhti_delivery (business_key, kind, lifecycle_code, phase_key, body,
                  state, attempts, next_attempt_at, problems, created_at)
                values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""")
            .params(
                businessKey, kind, lifecycleCode, phaseKey, body, now, problems(problems), now));
  }

  /** A rejected message of this kind and phase is replaced by a newer one. */
  void supersedeRejected(String businessKey, String kind, String lifecycleCode) {
    jdbc.sql(
            """
            update mu_ryhti_delivery set state = 'SUPERSEDED'
            where business_key = ? and kind = ? and state = 'REJECTED'
              and coalesce(lifecycle_code, '') = ?""")
        .params(businessKey, kind, lifecycleCode == null ? "" : lifecycleCode)
        .update();
  }

  /** Whether any message of this kind was queued for the plan (and not replaced). */
  boolean queued(String businessKey, String kind) {
    return jdbc.sql(
                "select count(*) from mu_ryhti_delivery where business_key = ? and kind = ?"
                    + " and state <> 'SUPERSEDED'")
            .params(businessKey, kind)
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * The messages due now that no node has, each the first of its plan not yet delivered (a plan's
   * messages go in order; a rejected one holds the later ones back until it is corrected).
   */
  List<Long> due(OffsetDateTime now, int limit, String businessKey) {
    String firstOfItsPlan =
        "not exists (select 1 from mu_ryhti_delivery e where e.business_key = q.business_key"
            + " and e.id < q.id and e.state in ('PENDING', 'REJECTED'))";
    return businessKey == null
        ? queue.due(now, limit, firstOfItsPlan)
        : queue.due(now, limit, firstOfItsPlan + " and q.business_key = ?", businessKey);
  }

  /** Takes a message for one try ({@link WorkQueue#claim}): false when another node has it. */
  boolean claim(long id, OffsetDateTime now, OffsetDateTime until) {
    return queue.claim(id, now, until);
  }

  void delivered(long id, int status, OffsetDateTime now) {
    jdbc.sql(
            """
            update mu_ryhti_delivery set state = 'DELIVERED',
              last_status = ?, last_error = null, problems = null, claimed_until = null,
              delivered_at = ? where id = ?""")
        .params(status, now, id)
        .update();
  }

  void rejected(long id, Integer status, List<RyhtiProblem> problems) {
    jdbc.sql(
            """
            update mu_ryhti_delivery set state = 'REJECTED',
              last_status = ?, problems = ?, claimed_until = null where id = ?""")
        .params(status, problems(problems), id)
        .update();
  }

  void retryLater(long id, Integer status, String error, OffsetDateTime next) {
    jdbc.sql("update mu_ryhti_delivery set last_status = ?, last_error = ? where id = ?")
        .params(status, error == null ? null : abbreviate(error), id)
        .update();
    queue.retryAt(id, next);
  }

  /** A corrected message, to be sent again now. */
  void resend(long id, String body, List<RyhtiProblem> problems, OffsetDateTime now) {
    jdbc.sql(
            """
            update mu_ryhti_delivery set state = 'PENDING', body = ?, problems = ?,
              next_attempt_at = ?, claimed_until = null, last_error = null where id = ?""")
        .params(body, problems(problems), now, id)
        .update();
  }

  /**
   * The plan's messages a corrected record changes: the refused ones, and those waiting with a
   * problem our own check found (they were never sent).
   */
  List<Row> correctable(String businessKey) {
    return jdbc.sql(
            SELECT
                + " d where d.business_key = ? and (d.state = 'REJECTED'"
                + " or (d.state = 'PENDING' and d.problems is not null)) order by d.id")
        .param(businessKey)
        .query(Row.class)
        .list();
  }

  List<Row> rejected(String businessKey) {
    return jdbc.sql(SELECT + " d where d.business_key = ? and d.state = 'REJECTED' order by d.id")
        .param(businessKey)
        .query(Row.class)
        .list();
  }

  Optional<Row> find(long id) {
    return jdbc.sql(SELECT + " d where d.id = ?").param(id).query(Row.class).optional();
  }

  /** The queue, newest first (in one state, of one plan, or all), at most {@code limit}. */
  List<Row> list(String state, String businessKey, int limit) {
    StringBuilder sql = new StringBuilder(SELECT).append(" d where 1 = 1");
    List<Object> params = new java.util.ArrayList<>();
    if (state != null) {
      sql.append(" and d.state = ?");
      params.add(state);
    }
    if (businessKey != null) {
      sql.append(" and d.business_key = ?");
      params.add(businessKey);
    }
    params.add(limit);
    return jdbc.sql(sql.append(" order by d.id desc fetch first ? rows only").toString())
        .params(params)
        .query(Row.class)
        .list();
  }

  int pending(String businessKey) {
    return jdbc.sql(
            "select count(*) from mu_ryhti_delivery where business_key = ? and state = 'PENDING'")
        .param(businessKey)
        .query(Integer.class)
        .single();
  }

  // What Ryhti holds.

  Optional<String> permanentIdentifier(String businessKey) {
    return jdbc.sql("select permanent_identifier from mu_ryhti_plan where business_key = ?")
        .param(businessKey)
        .query(String.class)
        .optional();
  }

  void permanentIdentifier(String businessKey, String identifier) {
    if (jdbc.sql("update mu_ryhti_plan set permanent_identifier = ? where business_key = ?")
            .params(identifier, businessKey)
            .update()
        == 0) {
      jdbc.sql("insert into mu_ryhti_plan (business_key, permanent_identifier) values (?, ?)")
          .params(businessKey, identifier)
          .update();
    }
  }

  boolean matterCreated(String businessKey) {
    return jdbc.sql(
                "select count(*) from mu_ryhti_plan where business_key = ?"
                    + " and matter_created_at is not null")
            .param(businessKey)
            .query(Integer.class)
            .single()
        > 0;
  }

  void matterCreated(String businessKey, OffsetDateTime now) {
    jdbc.sql("update mu_ryhti_plan set matter_created_at = ? where business_key = ?")
        .params(now, businessKey)
        .update();
  }

  boolean phaseStored(String businessKey, String phaseKey) {
    return jdbc.sql("select count(*) from mu_ryhti_phase where business_key = ? and phase_key = ?")
            .params(businessKey, phaseKey)
            .query(Integer.class)
            .single()
        > 0;
  }

  void phaseStored(String businessKey, String phaseKey, String code, OffsetDateTime now) {
    if (jdbc.sql(
                "update mu_ryhti_phase set delivered_at = ? where business_key = ? and phase_key = ?")
            .params(now, businessKey, phaseKey)
            .update()
        == 0) {
      jdbc.sql(
              "insert into mu_ryhti_phase (business_key, phase_key, lifecycle_code, delivered_at)"
                  + " values (?, ?, ?, ?)")
          .params(businessKey, phaseKey, code, now)
          .update();
    }
  }

  /** The phase Ryhti accepted last: its lifecycle code and when. */
  record Delivered(String lifecycleCode, OffsetDateTime deliveredAt) {}

  Optional<Delivered> lastDelivered(String businessKey) {
    return jdbc.sql(
            """
            select lifecycle_code, delivered_at from mu_ryhti_delivery
            where business_key = ? and kind in ('MATTER', 'PHASE') and state = 'DELIVERED'
            order by delivered_at desc, id desc fetch first 1 rows only""")
        .param(businessKey)
        .query(Delivered.class)
        .optional();
  }

  List<RyhtiProblem> problems(Row row) {
    if (row.problems() == null) {
      return List.of();
    }
    try {
      return json.readValue(row.problems(), new TypeReference<List<RyhtiProblem>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored Ryhti problems are not JSON", e);
    }
  }

  private String problems(List<RyhtiProblem> problems) {
    if (problems == null || problems.isEmpty()) {
      return null;
    }
    try {
      return json.writeValueAsString(problems);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
  }

  private static final String SELECT =
      """
      select d.id, d.business_key, d.kind, d.lifecycle_code, d.phase_key, d.body, d.state,
        d.attempts, d.next_attempt_at, d.last_status, d.last_error, d.problems, d.created_at,
        d.delivered_at
      from mu_ryhti_delivery""";
}
