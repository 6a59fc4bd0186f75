package dev.bookshop.adapters.web.security;

import dev.bookshop.adapters.web.WebSettings.RateLimit;
import dev.bookshop.adapters.web.http.WebException;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Objects;

/**
 * Per-key token buckets for the endpoints that guess at credentials (login, signup, refresh) and for the account
 * actions that cost the shop (checkout, password change). The buckets live in this process, or in Redis when the
 * operator shares them between instances; a refusal is a 429 that says when to come back.
 */
public final class RateLimiter {

    private final RateLimitBuckets buckets;

    /** Buckets in this process only. */
    public RateLimiter() {
        this(new LocalBuckets());
    }

    public RateLimiter(RateLimitBuckets buckets) {
        this.buckets = Objects.requireNonNull(buckets);
    }

    /** Takes one request from the bucket of {@code key}, or refuses with 429 and Retry-After. */
    public void acquire(String key, RateLimit limit) {
        ConsumptionProbe probe = buckets.tryTake(key, limit);
        if (!probe.isConsumed()) {
            throw WebException.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
