package fi.muutos.accessibility;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Feedback on accessibility (306/2019 16 §): kept as sent, for the administrators, who answer
 * within 14 days.
 */
@Service
public class AccessibilityFeedbacks {

  /** Feedback as the administrators read it. */
  public record Received(
      long id,
      OffsetDateTime receivedAt,
      String sender,
      String page,
      String message,
      String contact) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  AccessibilityFeedbacks(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Keeps a user's feedback: the page it concerns and how to answer them are optional. */
  public void received(String sender, String page, String message, String contact) {
    jdbc.sql(
            "insert into mu_accessibility_feedback (received_at, sender, page, message, contact)"
                + " values (?, ?, ?, ?, ?)")
        .params(
            OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS),
            sender,
            blankToNull(page),
            message.strip(),
            blankToNull(contact))
        .update();
  }

  /** The feedback received, newest first (at most 500). */
  public List<Received> newestFirst() {
    return jdbc.sql(
            "select id, received_at, sender, page, message, contact from mu_accessibility_feedback"
                + " order by received_at desc, id desc limit 500")
        .query(Received.class)
        .list();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
