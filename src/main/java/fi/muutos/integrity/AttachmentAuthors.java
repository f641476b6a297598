package fi.muutos.integrity;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who added each task attachment ({@code mu_attachment_author}): the engine keeps no author, and
 * only the author may change or delete an attachment. Written in the transaction that adds it.
 */
final class AttachmentAuthors {

  private final JdbcClient jdbc;
  private final Clock clock;

  AttachmentAuthors(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void record(String attachmentId, String userId) {
    jdbc.sql(
            "insert into mu_attachment_author (attachment_id, user_id, created_at) values (?, ?, ?)")
        .params(attachmentId, userId, OffsetDateTime.now(clock))
        .update();
  }

  /** The user who added it, or null when unknown (added before the authors were kept). */
  String author(String attachmentId) {
    return jdbc.sql("select user_id from mu_attachment_author where attachment_id = ?")
        .param(attachmentId)
        .query(String.class)
        .optional()
        .orElse(null);
  }
}
