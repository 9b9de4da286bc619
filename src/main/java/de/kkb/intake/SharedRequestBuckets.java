package de.kkb.intake;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The buckets of the whole cluster, rows of {@code kkb_rate_limit_bucket} (Flyway V8) that Bucket4j
 * reads and writes under {@code SELECT … FOR UPDATE}: a request counts once, whichever node it
 * reaches. A full bucket's row is no longer needed and is removed every few minutes.
 */
class SharedRequestBuckets implements RequestBuckets, DisposableBean {

  static final String TABLE = "kkb_rate_limit_bucket";
  private static final Logger LOG = LoggerFactory.getLogger(SharedRequestBuckets.class);

  private final BucketConfiguration configuration;
  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
  private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(
      runnable -> {
        Thread thread = new Thread(runnable, "kkb-rate-limit-cleaner");
        thread.setDaemon(true);
        return thread;
      });

  SharedRequestBuckets(DataSource dataSource, IntakeProperties properties) {
    this.configuration = RequestBuckets.configuration(properties);
    this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table(TABLE)
        .expirationAfterWrite(
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
        .build();
    cleaner.scheduleWithFixedDelay(this::removeExpired, 5, 5, TimeUnit.MINUTES);
  }

  @Override
  public boolean tryConsume(String client) {
    try {
      return buckets.getProxy(client, () -> configuration).tryConsume(1);
    } catch (RuntimeException e) {
      // Bucket4j wraps the driver's failure in its own exception: named as what it is, a database
      // access failure, so that a lost connection is answered 503 (de.kkb.web.DatabaseUnavailable).
      throw new DataAccessResourceFailureException("Anfragebegrenzung: Datenbank nicht erreichbar", e);
    }
  }

  private void removeExpired() {
    try {
      while (buckets.removeExpired(1000) == 1000) {
        // one batch after another until the expired rows are gone
      }
    } catch (RuntimeException e) {
      LOG.warn("Abgelaufene Zähler der Anfragebegrenzung nicht gelöscht: {}", e.getMessage());
    }
  }

  @Override
  public void destroy() {
    cleaner.shutdownNow();
  }
}
