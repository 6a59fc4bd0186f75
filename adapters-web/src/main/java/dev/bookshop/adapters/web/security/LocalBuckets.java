package dev.bookshop.adapters.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.bookshop.adapters.web.WebSettings.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** Token buckets in this process's memory: each instance of the shop counts on its own. */
public final class LocalBuckets implements RateLimitBuckets {

    /**
     * Past this many keys the least valuable buckets go (Caffeine's frequency-aware eviction), so memory stays bounded
     * under a flood of distinct keys, while a bucket that is hit again and again, such as the one of an account under
     * attack, stays: a spray of one-off emails cannot reset it.
     */
    private static final int MAX_KEYS = 100_000;

    private record Limited(Bucket bucket, Duration period) {}

    /** A bucket left alone for a whole period has refilled completely: forgetting it then changes nothing. */
    private final Cache<String, Limited> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_KEYS)
            .expireAfter(Expiry.accessing((String key, Limited limited) -> limited.period()))
            .build();

    @Override
    public ConsumptionProbe tryTake(String key, RateLimit limit) {
        Bucket bucket = buckets.get(key, k -> new Limited(newBucket(limit), limit.period()))
                .bucket();
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    private static Bucket newBucket(RateLimit limit) {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
    }
}
