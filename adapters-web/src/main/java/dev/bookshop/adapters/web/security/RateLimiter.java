package dev.bookshop.adapters.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.bookshop.adapters.web.WebSettings.RateLimit;
import dev.bookshop.adapters.web.http.WebException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Per-key token buckets for the endpoints that guess at credentials (login, signup, refresh) and for the account
 * actions that cost the shop (checkout, password change). Buckets live in this process; a refusal is a 429 that says
 * when to come back.
 */
public final class RateLimiter {

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

    /** Takes one request from the bucket of {@code key}, or refuses with 429 and Retry-After. */
    public void acquire(String key, RateLimit limit) {
        Bucket bucket = buckets.get(key, k -> new Limited(newBucket(limit), limit.period()))
                .bucket();
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw WebException.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static Bucket newBucket(RateLimit limit) {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
    }
}
