package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.platform.web.DatabaseOutage;
import java.sql.SQLException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database being out of reach (503), however they are wrapped. */
class DatabaseOutageTest {

  @Test
  void aLostConnectionInsideTheEngineIsAnOutage() {
    var lost =
        new PSQLException(
            "An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
    assertThat(
            DatabaseOutage.causedBy(
                new ProcessEnginePersistenceException(
                    "persistence", new PersistenceException(lost))))
        .isTrue();
  }

  @Test
  void aServerShuttingDownIsAnOutage() {
    assertThat(
            DatabaseOutage.causedBy(
                new ProcessEngineException(
                    new SQLException(
                        "terminating connection due to administrator command", "57P01"))))
        .isTrue();
  }

  @Test
  void aRollbackOnALostConnectionIsAnOutage() {
    assertThat(
            DatabaseOutage.causedBy(
                new TransactionSystemException(
                    "JDBC rollback failed",
                    new PSQLException(
                        "This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST))))
        .isTrue();
  }

  @Test
  void aBrokenSocketUnderABatchIsAnOutage() {
    var batch = new java.sql.BatchUpdateException("Batch entry 0 was aborted", null, new int[0]);
    batch.setNextException(
        new SQLException("I/O", (String) null, new java.net.SocketException("Broken pipe")));
    assertThat(DatabaseOutage.causedBy(new ProcessEngineException(batch))).isTrue();
  }

  @Test
  void aBadValueIsNot() {
    assertThat(
            DatabaseOutage.causedBy(
                new ProcessEngineException(new SQLException("invalid byte sequence", "22021"))))
        .isFalse();
    assertThat(DatabaseOutage.causedBy(new IllegalStateException("no"))).isFalse();
  }
}
