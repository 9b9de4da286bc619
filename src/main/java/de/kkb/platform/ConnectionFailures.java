package de.kkb.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a lost or unobtainable database connection anywhere in an exception's causes, however
 * the engine, MyBatis or Spring wrapped it: the database restarted, a node's connections were
 * terminated, or the pool found none in time. Such a failure says nothing about the request; it is
 * answered 503 and may be retried.
 */
public final class ConnectionFailures {

  /** PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now. */
  private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");
  /** Spring's message when a rollback itself met the dead connection. */
  private static final String ROLLBACK_FAILED = "JDBC rollback failed";

  private ConnectionFailures() {
  }

  public static boolean isConnectionFailure(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (recognised(t)) {
        return true;
      }
      if (t instanceof SQLException sql) {
        for (SQLException next = sql.getNextException(); next != null && seen.add(next);
            next = next.getNextException()) {
          if (recognised(next)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean recognised(Throwable t) {
    if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
        || t instanceof TransientDataAccessResourceException
        || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException) {
      return true;
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || SHUTDOWN_STATES.contains(state);
    }
    return t.getMessage() != null && t.getMessage().startsWith(ROLLBACK_FAILED);
  }
}
