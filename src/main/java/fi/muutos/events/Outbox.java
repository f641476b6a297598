package fi.muutos.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Our own events. {@link #publish} writes a CloudEvent to the outbox in the caller's transaction,
 * so the event exists exactly when the change does. {@link #feed} serves them in order with a
 * cursor.
 *
 * <p>Feed order is a position the sequencer assigns after commit, under a lock, in one pass over
 * the committed events that have none yet. A transaction that commits late therefore gets a later
 * position instead of a gap behind a reader's cursor: a consumer that continues from its last
 * cursor misses nothing and sees each event once.
 */
@Service
public class Outbox {

  public static final int MAX_PAGE = 500;

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final EventSettings settings;
  private final Clock clock;
  private final TransactionTemplate newTransaction;
  private final JsonFormat format = new JsonFormat();

  Outbox(
      JdbcClient jdbc,
      ObjectMapper json,
      EventSettings settings,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.json = json;
    this.settings = settings;
    this.clock = clock;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Writes an event of ours to the outbox, in the current transaction (or a new one). */
  @Transactional
  public void publish(String type, String subject, Object data) {
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    String id = UUID.randomUUID().toString();
    byte[] body;
    try {
      body = json.writeValueAsBytes(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event data of " + type + " is not serialisable", e);
    }
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(id)
            .withSource(URI.create(settings.source()))
            .withType(type)
            .withSubject(subject)
            .withTime(now)
            .withData("application/json", body)
            .build();
    jdbc.sql(
            "insert into mu_outbox_event (event_id, type, subject, event_time, cloud_event) "
                + "values (?, ?, ?, ?, ?)")
        .params(id, type, subject, now, new String(format.serialize(event), StandardCharsets.UTF_8))
        .update();
  }

  /** A page of the feed: the events after the cursor, and the cursor to continue from. */
  public record FeedPage(List<JsonNode> events, long next) {}

  /** Events after {@code cursor} (0 for the beginning), oldest first, at most {@code limit}. */
  public FeedPage feed(long cursor, int limit) {
    sequence();
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    record Row(long position, String event) {}
    List<Row> rows =
        jdbc.sql(
                "select position, cloud_event from mu_outbox_event "
                    + "where position > ? order by position fetch first ? rows only")
            .params(cursor, size)
            .query((rs, n) -> new Row(rs.getLong("position"), rs.getString("cloud_event")))
            .list();
    List<JsonNode> events =
        rows.stream()
            .map(
                row -> {
                  try {
                    return json.readTree(row.event());
                  } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Stored outbox event is not JSON", e);
                  }
                })
            .toList();
    return new FeedPage(events, rows.isEmpty() ? cursor : rows.get(rows.size() - 1).position());
  }

  /** Gives committed events without a position the next positions, in one locked pass. */
  public void sequence() {
    newTransaction.executeWithoutResult(
        tx -> {
          long last =
              jdbc.sql("select last_position from mu_outbox_sequencer where id = 1 for update")
                  .query(Long.class)
                  .single();
          List<Long> ids =
              jdbc.sql(
                      "select id from mu_outbox_event where position is null "
                          + "order by id fetch first 1000 rows only")
                  .query(Long.class)
                  .list();
          if (ids.isEmpty()) {
            return;
          }
          long position = last;
          for (long id : ids) {
            jdbc.sql("update mu_outbox_event set position = ? where id = ?")
                .params(++position, id)
                .update();
          }
          jdbc.sql("update mu_outbox_sequencer set last_position = ? where id = 1")
              .param(position)
              .update();
        });
  }
}
