package fi.muutos.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Inserts that answer the new row's id (JdbcClient has no one call for it). */
public final class GeneratedIds {

  private GeneratedIds() {}

  /** Runs the insert and returns the generated {@code id} of its row. */
  public static long insert(JdbcClient.StatementSpec insert) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    insert.update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }
}
