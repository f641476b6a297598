package fi.muutos.platform;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Readable business keys for cases started without one: {@code PREFIX-year-number}, e.g.
 * KAAVA-2026-007. The table's unique business key column guards against two nodes choosing the
 * same number at once (the second start fails and can simply be retried).
 */
@Component
public class BusinessKeys {

  private final JdbcClient jdbc;
  private final Clock clock;

  BusinessKeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The next key of {@code prefix} among the business keys of {@code table}. */
  public String next(String prefix, String table) {
    int year = LocalDate.now(clock).getYear();
    String stem = prefix + "-" + year + "-";
    long count = jdbc.sql("select count(*) from " + table + " where business_key like ?")
        .param(stem + "%").query(Long.class).single();
    return "%s%03d".formatted(stem, count + 1);
  }

  /** The items of a comma-separated list, trimmed, without empty ones. */
  public static java.util.List<String> commaList(String text) {
    return text == null ? java.util.List.of() : java.util.Arrays.stream(text.split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
