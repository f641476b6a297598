package fi.muutos.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts the SQL a workload costs, with PostgreSQL's pg_stat_statements: statements and commits,
 * separated from what the background pollers (the job executor's acquisition, the event inbox's
 * retry) run meanwhile, which depends on time rather than on the work.
 */
final class SqlCost {

  /** One kind of statement and how often it ran per unit of work. */
  record Statement(String sql, double perUnit) {}

  /** What ran in one database between {@link #reset()} and {@link #read(String, int)}. */
  record Cost(double statements, double commits, long pollerStatements, List<Statement> top) {}

  private final String adminUrl;

  SqlCost(String adminUrl) {
    this.adminUrl = adminUrl;
  }

  /** The extension's view and functions, where they are read and in the measured database. */
  void install(String databaseUrl) throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl);
        Connection c = DriverManager.getConnection(databaseUrl, "postgres", "")) {
      admin.createStatement().execute("create extension if not exists pg_stat_statements");
      c.createStatement().execute("create extension if not exists pg_stat_statements");
    }
  }

  /** Starts counting; returns the database's committed transactions so far. */
  long reset(String database) throws SQLException, InterruptedException {
    try (Connection c = DriverManager.getConnection(adminUrl)) {
      c.createStatement().execute("select pg_stat_statements_reset()");
    }
    return commits(database);
  }

  /**
   * Committed transactions of the database (pg_stat_database), read-only ones and those of
   * auto-commit statements included: every one is a round of the commit protocol.
   */
  private long commits(String database) throws SQLException, InterruptedException {
    Thread.sleep(1500); // the statistics are flushed about once a second
    try (Connection c = DriverManager.getConnection(adminUrl);
        var query =
            c.prepareStatement("select xact_commit from pg_stat_database where datname = ?")) {
      query.setString(1, database);
      try (var rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Per unit of work: {@code units} is how many lifecycles ran since {@link #reset(String)}, which
   * returned {@code commitsBefore}.
   */
  Cost read(String database, int units, long commitsBefore)
      throws SQLException, InterruptedException {
    long statements = 0;
    long pollers = 0;
    List<Statement> all = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(adminUrl);
        var query =
            c.prepareStatement(
                "select s.query, s.calls from pg_stat_statements s join pg_database d on d.oid = s.dbid "
                    + "where d.datname = ? order by s.calls desc")) {
      query.setString(1, database);
      try (var rs = query.executeQuery()) {
        while (rs.next()) {
          String sql = rs.getString(1).replaceAll("\\s+", " ").trim();
          long calls = rs.getLong(2);
          String upper = sql.toUpperCase(Locale.ROOT);
          if (upper.equals("COMMIT")
              || upper.equals("BEGIN")
              || upper.equals("ROLLBACK")
              || upper.startsWith("SELECT PG_STAT_STATEMENTS")) {
            continue;
          } else if (isPoller(upper)) {
            pollers += calls;
          } else {
            statements += calls;
            all.add(new Statement(sql, (double) calls / units));
          }
        }
      }
    }
    // each poll is a transaction of its own: its commit is not the work's
    long commits = commits(database) - commitsBefore - pollers;
    return new Cost(
        (double) statements / units,
        (double) commits / units,
        pollers,
        all.subList(0, Math.min(12, all.size())));
  }

  private static boolean isPoller(String sql) {
    boolean acquisition =
        sql.startsWith("SELECT")
            && sql.contains("ACT_RU_JOB")
            && sql.contains("LOCK_EXP_TIME_")
            && !sql.contains("WHERE RES.ID_ =");
    boolean inboxPoll =
        sql.contains("MU_INBOUND_EVENT")
            && sql.contains("NEXT_ATTEMPT_AT")
            && (sql.startsWith("SELECT") || sql.startsWith("UPDATE"));
    return acquisition || inboxPoll;
  }
}
