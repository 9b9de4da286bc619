package de.kkb.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** What counts as a lost database connection, however deeply the engine or Spring wrapped it. */
class ConnectionFailuresTest {

  @Test
  void lostConnectionsAreRecognisedThroughTheirWrappers() {
    SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    assertThat(ConnectionFailures.isConnectionFailure(new ServletException("Request processing failed",
        new ProcessEngineException("persistence", new PersistenceException(terminated))))).isTrue();
    assertThat(ConnectionFailures.isConnectionFailure(
        new TransactionSystemException("JDBC rollback failed"))).isTrue();
    assertThat(ConnectionFailures.isConnectionFailure(new TransactionSystemException("JDBC commit failed",
        new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
    assertThat(ConnectionFailures.isConnectionFailure(new CannotCreateTransactionException("no connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    assertThat(ConnectionFailures.isConnectionFailure(
        new CannotGetJdbcConnectionException("pool", (SQLException) null))).isTrue();
    assertThat(ConnectionFailures.isConnectionFailure(new ProcessEngineException("batch",
        new SQLException("batch failed", "XX000", new SQLException("the database system is starting up", "57P03")))))
        .isTrue();
    SQLException batch = new SQLException("Batch entry 0 was aborted", "XX000");
    batch.setNextException(new SQLException("This connection has been closed.", "08003"));
    assertThat(ConnectionFailures.isConnectionFailure(new ProcessEngineException("flush", batch))).isTrue();
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertThat(ConnectionFailures.isConnectionFailure(new ProcessEngineException("Unknown property used"))).isFalse();
    assertThat(ConnectionFailures.isConnectionFailure(new ProcessEngineException("insert",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(ConnectionFailures.isConnectionFailure(new DataIntegrityViolationException("duplicate"))).isFalse();
    assertThat(ConnectionFailures.isConnectionFailure(new OptimisticLockingException("updated meanwhile"))).isFalse();
    assertThat(ConnectionFailures.isConnectionFailure(new IllegalStateException("Mailserver"))).isFalse();
  }
}
