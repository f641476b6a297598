package fi.muutos.events;

import fi.muutos.platform.WorkQueue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the inbox (MU_INBOUND_EVENT). */
@Repository
class InboxRepository {

  static final String RECEIVED = "RECEIVED";
  static final String PENDING = "PENDING";
  static final String CORRELATED = "CORRELATED";
  static final String REJECTED = "REJECTED";
  static final String EXPIRED = "EXPIRED";
  static final String ON_CASE = "ON_CASE";

  private final JdbcClient jdbc;

  /** The inbox as a work queue: a received or pending event is still to be correlated. */
  private final WorkQueue<String> queue;

  InboxRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.queue =
        new WorkQueue<>(
            jdbc, "mu_inbound_event", String.class, "status in ('RECEIVED', 'PENDING')");
  }

  /** A stored event with what is needed to handle it again. */
  record Stored(InboundEventView view, String cloudEvent) {}

  void insert(
      String id,
      String source,
      String eventId,
      String type,
      String subject,
      OffsetDateTime eventTime,
      String cloudEvent,
      String messageName,
      String status,
      String reason,
      OffsetDateTime receivedAt,
      OffsetDateTime expiresAt,
      OffsetDateTime claimedUntil) {
    jdbc.sql(
            """
            insert into mu_inbound_event (id, source, event_id, type, subject, event_time,
              cloud_event, message_name, status, reason, attempts, received_at, next_attempt_at,
              expires_at, claimed_until)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            source,
            eventId,
            type,
            subject,
            eventTime,
            cloudEvent,
            messageName,
            status,
            reason,
            claimedUntil == null ? 0 : 1, // a routed event is claimed at once: its first try
            receivedAt,
            status.equals(RECEIVED) ? receivedAt : null,
            status.equals(RECEIVED) ? expiresAt : null,
            claimedUntil)
        .update();
  }

  void conflict(
      String id,
      String source,
      String eventId,
      String sender,
      String cloudEvent,
      OffsetDateTime receivedAt) {
    jdbc.sql(
            "insert into mu_event_conflict (id, source, event_id, sender, cloud_event, "
                + "received_at) values (?, ?, ?, ?, ?, ?)")
        .params(id, source, eventId, sender, cloudEvent, receivedAt)
        .update();
  }

  List<EventConflictView> conflicts(int limit) {
    return jdbc
        .sql(
            "select id, source, event_id, sender, cloud_event, received_at "
                + "from mu_event_conflict order by received_at desc, id")
        .query(
            (rs, n) ->
                new EventConflictView(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, OffsetDateTime.class)))
        .stream()
        .limit(limit)
        .toList();
  }

  Optional<Stored> find(String id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(InboxRepository::stored).optional();
  }

  Optional<Stored> find(String source, String eventId) {
    return jdbc.sql(SELECT + " where source = ? and event_id = ?")
        .params(source, eventId)
        .query(InboxRepository::stored)
        .optional();
  }

  List<InboundEventView> list(String status, String type, int limit) {
    List<Object> params = new java.util.ArrayList<>();
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (status != null) {
      where.append(" and status = ?");
      params.add(status);
    }
    if (type != null) {
      where.append(" and type = ?");
      params.add(type);
    }
    params.add(limit);
    return jdbc
        .sql(SELECT + where + " order by received_at desc, id fetch first ? rows only")
        .params(params)
        .query(InboxRepository::stored)
        .list()
        .stream()
        .map(Stored::view)
        .toList();
  }

  /** Ids of events due for a try that nobody has. */
  List<String> due(OffsetDateTime now, int limit) {
    return queue.due(now, limit);
  }

  /** Takes an event for one try ({@link WorkQueue#claim}): true for exactly one node. */
  boolean claim(String id, OffsetDateTime now, OffsetDateTime until) {
    return queue.claim(id, now, until);
  }

  void correlated(String id, OffsetDateTime at, String processInstanceId) {
    jdbc.sql(
            """
            update mu_inbound_event set status = 'CORRELATED', correlated_at = ?, reason = null,
              process_instance_id = ?, next_attempt_at = null,
              claimed_until = null
            where id = ?""")
        .params(at, processInstanceId, id)
        .update();
  }

  void pending(String id, String reason, OffsetDateTime nextAttempt) {
    jdbc.sql(
            """
            update mu_inbound_event set status = 'PENDING', reason = ?,
              next_attempt_at = ?, claimed_until = null
            where id = ?""")
        .params(truncate(reason), nextAttempt, id)
        .update();
  }

  /** A process refused the event by its own rule: done, with the rule's reason, never retried. */
  void refused(String id, String reason) {
    end(id, "REJECTED", reason);
  }

  /**
   * The events waiting for suspended cases (by business key or record number) keep waiting: their
   * horizon moves to {@code horizon}, so they are neither expired nor kept on the case while the
   * case cannot take them (issue 34, N4).
   */
  int holdForSuspended(java.util.Collection<String> businessKeys, OffsetDateTime horizon) {
    return jdbc.sql(
            """
            update mu_inbound_event set expires_at = :horizon
            where status in ('RECEIVED', 'PENDING') and expires_at < :horizon
              and (subject in (:keys) or subject in (select record_number from mu_case
                where business_key in (:keys) and record_number is not null))""")
        .param("horizon", horizon)
        .param("keys", businessKeys)
        .update();
  }

  void expired(String id, String reason) {
    end(id, "EXPIRED", reason);
  }

  /** Expires every pending event past its horizon that nobody is handling; returns how many. */
  int expireOverdue(OffsetDateTime now) {
    return jdbc.sql(
            """
            update mu_inbound_event set status = 'EXPIRED', next_attempt_at = null,
              reason = 'No process waited for it before its horizon. Last: ' || coalesce(reason, '-')
            where status = 'PENDING' and expires_at <= ?
              and (claimed_until is null or claimed_until < ?)
              and not exists (select 1 from mu_case_filing f
                where f.event_id = mu_inbound_event.id and f.status = 'RECEIVED')""")
        .params(now, now)
        .update();
  }

  /**
   * Pending events past their horizon whose filing still waits for its step: they are kept on their
   * case ({@link #onCase}), never expired.
   */
  List<String> overdueFilings(OffsetDateTime now, int limit) {
    return jdbc.sql(
            """
            select e.id from mu_inbound_event e join mu_case_filing f on f.event_id = e.id
            where e.status = 'PENDING' and e.expires_at <= ? and f.status = 'RECEIVED'
              and (e.claimed_until is null or e.claimed_until < ?)
            order by e.expires_at fetch first ? rows only""")
        .params(now, now, limit)
        .query(String.class)
        .list();
  }

  /** The event reached no step: its filing is kept on its case, with a task (ADR 0052). */
  void onCase(String id, String reason) {
    end(id, "ON_CASE", reason);
  }

  /** The event's work is over, in this status and for this reason: nothing more is tried. */
  private void end(String id, String status, String reason) {
    jdbc.sql(
            """
            update mu_inbound_event set status = ?, reason = ?,
              next_attempt_at = null, claimed_until = null
            where id = ?""")
        .params(status, truncate(reason), id)
        .update();
  }

  private static final String SELECT =
      """
      select id, source, event_id, type, subject, status, reason, message_name, attempts,
        received_at, next_attempt_at, expires_at, correlated_at, process_instance_id, cloud_event,
        (select f.status from mu_case_filing f where f.event_id = mu_inbound_event.id)
          as filing_status
      from mu_inbound_event""";

  private static Stored stored(ResultSet rs, int n) throws SQLException {
    return new Stored(
        new InboundEventView(
            rs.getString("id"),
            rs.getString("source"),
            rs.getString("event_id"),
            rs.getString("type"),
            rs.getString("subject"),
            rs.getString("status"),
            rs.getString("reason"),
            rs.getString("message_name"),
            rs.getInt("attempts"),
            time(rs, "received_at"),
            time(rs, "next_attempt_at"),
            time(rs, "expires_at"),
            time(rs, "correlated_at"),
            rs.getString("process_instance_id"),
            rs.getString("filing_status"),
            false),
        rs.getString("cloud_event"));
  }

  private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...";
  }
}
