package fi.muutos.notifications;

import fi.muutos.platform.WorkQueue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** SQL for the notification ledger, the people's choices and their calendar tokens. */
@Repository
class NotificationRepository {

  private final JdbcClient jdbc;

  /** The ledger as a work queue: a mail not sent yet, and not given up, is still to send. */
  private final WorkQueue<Long> queue;

  NotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.queue =
        new WorkQueue<>(jdbc, "mu_notification", Long.class, "state in ('PENDING', 'RETRY')");
  }

  /** A recorded mail. */
  record Row(
      long id,
      String recipient,
      String email,
      String kind,
      LocalDate sendDay,
      String subjectKey,
      String mailSubject,
      String bodyHtml,
      String bodyText,
      String state,
      int attempts,
      OffsetDateTime nextAttemptAt,
      String lastError,
      OffsetDateTime createdAt,
      OffsetDateTime sentAt) {}

  /**
   * Records a mail to send, once per (recipient, kind, day, subject): false when it was recorded
   * already (by this node or another, now or before a restart). Its own transaction, so a duplicate
   * leaves the caller's work alone.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean record(
      String recipient,
      String email,
      String kind,
      LocalDate day,
      String subjectKey,
      String mailSubject,
      String html,
      String text,
      OffsetDateTime now) {
    try {
      jdbc.sql(
              """
              insert into mu_notification (recipient, email, kind, send_day, subject_key, mail_subject,
                body_html, body_text, state, attempts, next_attempt_at, created_at)
              values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
          .params(recipient, email, kind, day, subjectKey, mailSubject, html, text, now, now)
          .update();
      return true;
    } catch (DuplicateKeyException once) {
      return false;
    }
  }

  /** The mails due to be sent (pending, or failed and due again) that no node has. */
  List<Long> due(OffsetDateTime now, int limit) {
    return queue.due(now, limit);
  }

  /** Takes a mail for one try ({@link WorkQueue#claim}): true for exactly one node. */
  boolean claim(long id, OffsetDateTime now, OffsetDateTime until) {
    return queue.claim(id, now, until);
  }

  Optional<Row> find(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(Row.class).optional();
  }

  void sent(long id, OffsetDateTime at) {
    jdbc.sql(
            "update mu_notification set state = 'SENT', sent_at = ?, last_error = null, "
                + "claimed_until = null where id = ?")
        .params(at, id)
        .update();
  }

  /** A failed try: due again at {@code retryAt}, or given up (null: FAILED, for admins to see). */
  void failed(long id, String error, OffsetDateTime retryAt) {
    jdbc.sql(
            "update mu_notification set state = ?, last_error = ?, next_attempt_at = ?, "
                + "claimed_until = null where id = ?")
        .params(retryAt == null ? "FAILED" : "RETRY", error, retryAt, id)
        .update();
  }

  List<Row> byState(String state, int limit) {
    return jdbc.sql(
            SELECT + " where state = ? order by id desc fetch first " + limit + " rows only")
        .param(state)
        .query(Row.class)
        .list();
  }

  List<Row> sentTo(String recipient) {
    return jdbc.sql(SELECT + " where recipient = ? order by id")
        .param(recipient)
        .query(Row.class)
        .list();
  }

  /** A person's choices: digest and warnings, or empty for the defaults (both on). */
  Optional<boolean[]> choices(String userId) {
    return jdbc.sql("select digest, warnings from mu_notification_choice where user_id = ?")
        .param(userId)
        .query((rs, n) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)})
        .optional();
  }

  void choose(String userId, boolean digest, boolean warnings) {
    if (jdbc.sql("update mu_notification_choice set digest = ?, warnings = ? where user_id = ?")
            .params(digest, warnings, userId)
            .update()
        == 0) {
      jdbc.sql("insert into mu_notification_choice (user_id, digest, warnings) values (?, ?, ?)")
          .params(userId, digest, warnings)
          .update();
    }
  }

  Optional<String> tokenOf(String userId) {
    return jdbc.sql("select token from mu_calendar_token where user_id = ?")
        .param(userId)
        .query(String.class)
        .optional();
  }

  Optional<String> userOfToken(String token) {
    return jdbc.sql("select user_id from mu_calendar_token where token = ?")
        .param(token)
        .query(String.class)
        .optional();
  }

  void replaceToken(String userId, String token, OffsetDateTime at) {
    jdbc.sql("delete from mu_calendar_token where user_id = ?").param(userId).update();
    jdbc.sql("insert into mu_calendar_token (token, user_id, created_at) values (?, ?, ?)")
        .params(token, userId, at)
        .update();
  }

  int revokeToken(String userId) {
    return jdbc.sql("delete from mu_calendar_token where user_id = ?").param(userId).update();
  }

  private static final String SELECT =
      """
      select id, recipient, email, kind, send_day, subject_key, mail_subject, body_html, body_text,
        state, attempts, next_attempt_at, last_error, created_at, sent_at
      from mu_notification""";
}
