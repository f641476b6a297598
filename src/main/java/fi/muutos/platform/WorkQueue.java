package fi.muutos.platform;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of work that any node may take (ADR 0055): the event inbox, the reminders' mails and the
 * Ryhti outbox. Each row is the record of its work (an event received, a mail to send, a message to
 * deliver) and carries the queue's columns: {@code next_attempt_at} (when it is due), {@code
 * claimed_until} (which node has it, until when) and {@code attempts} (the tries so far). A node
 * takes a row with a conditional update that only one node can win; the row is the node's until its
 * claim runs out, so a node that dies leaves its work to the others after the claim time. A try
 * counts when it is claimed: a node that dies mid-way leaves a row known to have been tried.
 *
 * <p>Portable SQL (H2 and PostgreSQL: no {@code FOR UPDATE SKIP LOCKED}). The table and its
 * condition of open work are the queue's own constants, never input.
 *
 * @param <I> the type of the rows' ids
 */
public final class WorkQueue<I> {

  private static final Pattern NAME = Pattern.compile("[a-z_]+");

  private final JdbcClient jdbc;
  private final String table;
  private final Class<I> idType;
  private final String open;

  /**
   * @param table the table's name
   * @param idType the type of its {@code id} column
   * @param open the SQL condition of a row that still has work (e.g. {@code state = 'PENDING'})
   */
  public WorkQueue(JdbcClient jdbc, String table, Class<I> idType, String open) {
    if (!NAME.matcher(table).matches()) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    this.jdbc = jdbc;
    this.table = table;
    this.idType = idType;
    this.open = open;
  }

  /** The rows due now that nobody has, earliest due first (at most {@code limit}). */
  public List<I> due(OffsetDateTime now, int limit) {
    return due(now, limit, null);
  }

  /**
   * The rows due now that nobody has and that meet a further condition of the queue's own (on the
   * table's alias {@code q}, with its parameters), earliest due first.
   */
  public List<I> due(OffsetDateTime now, int limit, String condition, Object... params) {
    List<Object> all = new ArrayList<>(List.of(now, now));
    all.addAll(List.of(params));
    all.add(limit);
    return jdbc.sql(
            "select q.id from "
                + table
                + " q where ("
                + open
                + ") and q.next_attempt_at <= ? and (q.claimed_until is null or q.claimed_until < ?)"
                + (condition == null ? "" : " and (" + condition + ")")
                + " order by q.next_attempt_at, q.id fetch first ? rows only")
        .params(all)
        .query(idType)
        .list();
  }

  /**
   * Takes a row for this node until {@code until} and counts the try: true for exactly one node,
   * false when another node has it, its work is done, or it is not due any more (a poller that
   * listed it before another node's try ended and set the next one later gets nothing).
   */
  public boolean claim(I id, OffsetDateTime now, OffsetDateTime until) {
    return jdbc.sql(
                "update "
                    + table
                    + " set claimed_until = ?, attempts = attempts + 1 where id = ? and ("
                    + open
                    + ") and (claimed_until is null or claimed_until < ?)"
                    + " and (next_attempt_at is null or next_attempt_at <= ?)")
            .params(until, id, now, now)
            .update()
        == 1;
  }

  /** The try is over, its work not done: due again at {@code next}, nobody's until then. */
  public void retryAt(I id, OffsetDateTime next) {
    jdbc.sql("update " + table + " set next_attempt_at = ?, claimed_until = null where id = ?")
        .params(next, id)
        .update();
  }

  /** The try is over: nobody's any more (what the row's own update says next is the queue's). */
  public void release(I id) {
    jdbc.sql("update " + table + " set claimed_until = null where id = ?").param(id).update();
  }
}
