package fi.muutos.meetings;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code mu_meeting_source} and {@code mu_meeting_item}. */
@Repository
class MeetingRepository {

  private final JdbcClient jdbc;

  MeetingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What is stored of an item, with what became of it. */
  public record ItemRow(
      long id,
      String system,
      String itemId,
      String feedVersion,
      String version,
      String url,
      String body,
      java.time.LocalDate meetingDate,
      String section,
      String recordNumber,
      String title,
      String decisionText,
      java.time.LocalDate minutesPublishedOn,
      String outcome,
      String status,
      String businessKey,
      String eventId,
      String reason,
      String taskInstanceId,
      OffsetDateTime updatedAt) {}

  /** A system's polling state. */
  record SourceRow(
      String system,
      OffsetDateTime nextPollAt,
      OffsetDateTime lastPolledAt,
      OffsetDateTime lastSuccessAt,
      int failures,
      String lastError) {}

  void ensureSource(String system) {
    try {
      jdbc.sql(
              "insert into mu_meeting_source (system, failures) select ?, 0 where not exists"
                  + " (select 1 from mu_meeting_source where system = ?)")
          .params(system, system)
          .update();
    } catch (DuplicateKeyException raced) {
      // another node made it
    }
  }

  /** Takes the system's poll for this node until {@code until}, if it is due and nobody has it. */
  boolean claim(String system, OffsetDateTime now, OffsetDateTime until, boolean force) {
    return jdbc.sql(
                """
                update mu_meeting_source set claimed_until = ?, last_polled_at = ?
                where system = ? and (claimed_until is null or claimed_until < ?)
                  and (? or next_poll_at is null or next_poll_at <= ?)""")
            .params(until, now, system, now, force, now)
            .update()
        == 1;
  }

  void succeeded(String system, OffsetDateTime now, OffsetDateTime next) {
    jdbc.sql(
            """
            update mu_meeting_source set claimed_until = null, last_success_at = ?, failures = 0,
              last_error = null, next_poll_at = ?
            where system = ?""")
        .params(now, next, system)
        .update();
  }

  void failed(String system, String error, OffsetDateTime next) {
    jdbc.sql(
            """
            update mu_meeting_source set claimed_until = null, failures = failures + 1,
              last_error = ?, next_poll_at = ?
            where system = ?""")
        .params(truncate(error, 2000), next, system)
        .update();
  }

  Optional<SourceRow> source(String system) {
    return jdbc.sql(
            "select system, next_poll_at, last_polled_at, last_success_at, failures, last_error"
                + " from mu_meeting_source where system = ?")
        .param(system)
        .query(SourceRow.class)
        .optional();
  }

  private static final String ITEM =
      """
      select id, system, item_id, feed_version, version, url, body, meeting_date, section,
        record_number, title, decision_text, minutes_published_on, outcome, status, business_key,
        event_id, reason, task_instance_id, updated_at
      from mu_meeting_item""";

  Optional<ItemRow> item(String system, String itemId) {
    return jdbc.sql(ITEM + " where system = ? and item_id = ?")
        .params(system, itemId)
        .query(ItemRow.class)
        .optional();
  }

  Optional<ItemRow> item(long id) {
    return jdbc.sql(ITEM + " where id = ?").param(id).query(ItemRow.class).optional();
  }

  List<ItemRow> items(String status, int limit) {
    return status == null
        ? jdbc.sql(ITEM + " order by id desc fetch first ? rows only")
            .param(limit)
            .query(ItemRow.class)
            .list()
        : jdbc.sql(ITEM + " where status = ? order by id desc fetch first ? rows only")
            .params(status, limit)
            .query(ItemRow.class)
            .list();
  }

  /** The feed says the same of a stored item: only its feed version is noted. */
  void feedVersion(long id, String feedVersion, OffsetDateTime now) {
    jdbc.sql("update mu_meeting_item set feed_version = ?, updated_at = ? where id = ?")
        .params(feedVersion, now, id)
        .update();
  }

  /** A new item, or a new version of one: stored as NEW, to be routed. Returns its id. */
  long save(MeetingItem item, String feedVersion, OffsetDateTime now) {
    jdbc.sql(
            """
            insert into mu_meeting_item (system, item_id, feed_version, version, url, status,
              first_seen_at, updated_at)
            select ?, ?, ?, ?, ?, 'NEW', ?, ? where not exists
              (select 1 from mu_meeting_item where system = ? and item_id = ?)""")
        .params(
            item.system(),
            item.itemId(),
            feedVersion,
            item.version(),
            item.url(),
            now,
            now,
            item.system(),
            item.itemId())
        .update();
    jdbc.sql(
            """
            update mu_meeting_item set feed_version = ?, version = ?, url = ?, body = ?,
              meeting_date = ?, section = ?, record_number = ?, title = ?, decision_text = ?,
              minutes_published_on = ?, outcome = null, status = 'NEW', business_key = null,
              event_id = null, reason = null, task_instance_id = null, updated_at = ?
            where system = ? and item_id = ?""")
        .params(
            feedVersion,
            item.version(),
            item.url(),
            truncate(item.body(), 255),
            item.meetingDate(),
            item.section(),
            truncate(item.recordNumber(), 140),
            truncate(item.title(), 1000),
            item.decisionText(),
            item.minutesPublishedOn(),
            now,
            item.system(),
            item.itemId())
        .update();
    return item(item.system(), item.itemId()).orElseThrow().id();
  }

  void routed(
      long id,
      String status,
      String businessKey,
      String outcome,
      String eventId,
      String reason,
      String taskInstanceId,
      OffsetDateTime now) {
    jdbc.sql(
            """
            update mu_meeting_item set status = ?, business_key = ?, outcome = ?, event_id = ?,
              reason = ?, task_instance_id = ?, updated_at = ?
            where id = ?""")
        .params(
            status, businessKey, outcome, eventId, truncate(reason, 2000), taskInstanceId, now, id)
        .update();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
