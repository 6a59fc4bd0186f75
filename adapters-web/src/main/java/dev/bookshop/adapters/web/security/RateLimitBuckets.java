package dev.bookshop.adapters.web.security;

import dev.bookshop.adapters.web.WebSettings.RateLimit;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Where the rate limits keep their token buckets: in this process ({@link LocalBuckets}), or in Redis, where every
 * instance of the shop takes from the same bucket ({@link SharedBuckets}).
 */
public interface RateLimitBuckets extends AutoCloseable {

    /** Takes one token from the bucket of {@code key}, made with {@code limit} when it does not exist yet. */
    ConsumptionProbe tryTake(String key, RateLimit limit);

    /** Releases the connections the buckets hold, if any. */
    @Override
    default void close() {}

    /** A bucket that starts full and refills all its capacity, evenly, over the limit's period. */
    static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
    }
}
