package fi.muutos.cases;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable business keys for cases started without one: {@code PREFIX-year-number}, e.g.
 * KAAVA-2026-007, numbered per prefix and year in {@code mu_business_key_counter}. Taking a number
 * locks the counter row until the transaction ends, so concurrent starts (also on other nodes) get
 * different numbers. Called outside a transaction (as the API's starts do), it takes the number in
 * a short transaction of its own, so that starts do not wait for each other: a start that then
 * fails leaves a gap. Inside a transaction (a start from Tasklist) the row stays locked until that
 * transaction ends and a rollback gives the number back.
 */
@Component
public class BusinessKeys {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate savepoint;
  private final TransactionTemplate transaction;

  BusinessKeys(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * The next key of {@code prefix}. The first key of a year continues after the keys of that year
   * that cases already have ({@code mu_case}: created before the counter, or given their key).
   */
  public String next(String prefix) {
    return transaction.execute(status -> take(prefix));
  }

  /**
   * The last number the counter of {@code prefix} gave in {@code year}; 0 before its first. A
   * person may not give a key ahead of it ({@link CaseKeys}): that would make a colleague's next
   * start fail on a key it was about to be given.
   */
  public int last(String prefix, int year) {
    return jdbc.sql(
            "select last_number from mu_business_key_counter where prefix = ? and key_year = ?")
        .params(prefix, year)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  private boolean taken(String key) {
    return jdbc.sql("select count(*) from mu_case where business_key = ?")
            .param(key)
            .query(Integer.class)
            .single()
        > 0;
  }

  private String take(String prefix) {
    int year = LocalDate.now(clock).getYear();
    String stem = prefix + "-" + year + "-";
    for (int attempt = 0; ; attempt++) {
      int updated =
          jdbc.sql(
                  "update mu_business_key_counter set last_number = last_number + 1 "
                      + "where prefix = ? and key_year = ?")
              .params(prefix, year)
              .update();
      if (updated == 1) {
        int number =
            jdbc.sql(
                    "select last_number from mu_business_key_counter "
                        + "where prefix = ? and key_year = ?")
                .params(prefix, year)
                .query(Integer.class)
                .single();
        String key = "%s%03d".formatted(stem, number);
        if (taken(key)) {
          continue; // an administrator gave a case this key: the counter moves past it
        }
        return key;
      }
      try {
        // The year's first key: create its counter. A savepoint, so that losing the race to
        // another start (duplicate primary key) leaves the caller's transaction usable.
        savepoint.executeWithoutResult(
            status ->
                jdbc.sql(
                        "insert into mu_business_key_counter (prefix, key_year, last_number) "
                            + "select ?, ?, count(*) from mu_case where business_key like ?")
                    .params(prefix, year, stem + "%")
                    .update());
      } catch (DuplicateKeyException anotherStartCreatedIt) {
        if (attempt > 0) {
          throw anotherStartCreatedIt;
        }
      }
    }
  }
}
