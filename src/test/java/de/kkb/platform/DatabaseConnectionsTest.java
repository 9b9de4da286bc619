package de.kkb.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class DatabaseConnectionsTest {

  final DatabaseConnections connections = new DatabaseConnections(mock(DataSource.class));

  @Test
  void triesAgainAfterLostConnectionsWithinItsPatience() {
    AtomicInteger tries = new AtomicInteger();
    String result = connections.retryingFor(Duration.ofMinutes(1), () -> {
      // Stale connections fail at once, one after another, however many a pool held.
      if (tries.incrementAndGet() < 6) {
        throw new DataAccessResourceFailureException("This connection has been closed.");
      }
      return "zurückgenommen";
    });
    assertThat(result).isEqualTo("zurückgenommen");
    assertThat(tries).hasValue(6);
  }

  @Test
  void givesUpWhenItsPatienceHasPassed() {
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(() -> connections.retryingFor(Duration.ZERO, () -> {
      tries.incrementAndGet();
      throw new DataAccessResourceFailureException("database is not currently accepting connections");
    })).isInstanceOf(DataAccessResourceFailureException.class);
    assertThat(tries).hasValue(1);
  }

  @Test
  void anyOtherFailureIsNotTriedAgain() {
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(() -> connections.retryingFor(Duration.ofMinutes(1), () -> {
      tries.incrementAndGet();
      throw new IllegalStateException("Doppelte Anfrage");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(tries).hasValue(1);
  }
}
