package de.kkb.intake;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * The intake's token buckets, one per client address: {@code kkb.intake.max-requests-per-minute}
 * requests a minute. On PostgreSQL the buckets live in the database, so every node counts against
 * the same bucket ({@link SharedRequestBuckets}); the embedded H2 database has one node and keeps them
 * in memory ({@link LocalRequestBuckets}).
 */
interface RequestBuckets {

  /** Takes one token of the client's bucket; false when it is empty. */
  boolean tryConsume(String client);

  static BucketConfiguration configuration(IntakeProperties properties) {
    int perMinute = properties.maxRequestsPerMinute();
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute)
            .refillIntervally(perMinute, Duration.ofMinutes(1)).build())
        .build();
  }
}
