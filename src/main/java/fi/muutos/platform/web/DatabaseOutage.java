package fi.muutos.platform.web;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database being out of reach (rather than a fault of the request or of
 * Muutos): a connection that could not be had or was lost, however the engine or Spring wrapped it:
 * a connection or socket error, a commit or rollback that failed, SQLSTATE class 08 ("connection
 * exception") or 57P01–57P03 (PostgreSQL shutting down or starting up).
 */
public final class DatabaseOutage {

  /** The detail of every 503 problem a lost database gives. */
  static final String DETAIL =
      "Tietokantaan ei juuri nyt saada yhteyttä. Mitään ei muutettu; yritä hetken kuluttua uudelleen (the database is not reachable right now; retry shortly).";

  private DatabaseOutage() {}

  public static boolean causedBy(Throwable failure) {
    return causedBy(failure, 0);
  }

  private static boolean causedBy(Throwable failure, int depth) {
    for (Throwable t = failure;
        t != null && depth < 20;
        t = t.getCause() == t ? null : t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SocketException
          || t instanceof EOFException
          || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          // a commit or rollback the database did not answer
          || t instanceof TransactionSystemException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
          return true;
        }
        if (sql.getNextException() != null && causedBy(sql.getNextException(), depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }
}
