package dev.bookshop.adapters.web.security;

import dev.bookshop.adapters.web.WebSettings.RateLimit;
import dev.bookshop.adapters.web.http.WebException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key token buckets for the endpoints that guess at credentials (login, signup, refresh). Buckets live in this
 * process; a refusal is a 429 that says when to come back.
 */
public final class RateLimiter {

    /** Past this many keys, buckets that are full again (idle clients) are dropped so memory stays bounded. */
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one request from the bucket of {@code key}, or refuses with 429 and Retry-After. */
    public void acquire(String key, RateLimit limit) {
        if (buckets.size() >= MAX_KEYS) {
            evictIdle();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> newBucket(limit));
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

    private void evictIdle() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() > 0);
        if (buckets.size() >= MAX_KEYS) {
            // Under a flood of distinct keys even busy buckets must go; limits restart, memory does not grow.
            buckets.clear();
        }
    }
}
