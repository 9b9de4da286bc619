package de.kkb.intake;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** The buckets of one node, in a bounded cache (embedded H2: one node). */
class LocalRequestBuckets implements RequestBuckets {

  private final BucketConfiguration configuration;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofMinutes(2))
      .maximumSize(100_000)
      .build();

  LocalRequestBuckets(IntakeProperties properties) {
    this.configuration = RequestBuckets.configuration(properties);
  }

  @Override
  public boolean tryConsume(String client) {
    return buckets.get(client, address -> {
      var builder = Bucket.builder();
      for (Bandwidth limit : configuration.getBandwidths()) {
        builder.addLimit(limit);
      }
      return builder.build();
    }).tryConsume(1);
  }
}
