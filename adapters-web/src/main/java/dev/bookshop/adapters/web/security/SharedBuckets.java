package dev.bookshop.adapters.web.security;

import dev.bookshop.adapters.web.WebSettings.RateLimit;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets every instance shares, with this instance's own as the fallback: while the shared store cannot be reached
 * the limits still hold per instance, and no request fails because of it. The change is logged once each way (a
 * warning when the store stops answering, an info line when it answers again) and shown on {@code /metrics} as
 * {@code bookshop_rate_limit_backend{backend="redis"|"local"}} (1 for the one in use) and
 * {@code bookshop_rate_limit_fallbacks_total}, the requests limited locally because the store failed.
 */
public final class SharedBuckets implements RateLimitBuckets {

    private static final Logger LOG = LoggerFactory.getLogger(SharedBuckets.class);

    static final String BACKEND = "bookshop.rate.limit.backend";
    static final String FALLBACKS = "bookshop.rate.limit.fallbacks";

    /**
     * While the store is down, one request a second tries it again; the others go straight to the local buckets, so
     * a store that times out slows one request a second, not all of them.
     */
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final RateLimitBuckets shared;
    private final RateLimitBuckets local;
    private final LongSupplier nanoTime;
    private final AtomicBoolean answering = new AtomicBoolean(true);
    private final Counter fallbacks;
    private volatile long retryAt;

    public SharedBuckets(RateLimitBuckets shared, RateLimitBuckets local, MeterRegistry registry) {
        this(shared, local, registry, System::nanoTime);
    }

    SharedBuckets(RateLimitBuckets shared, RateLimitBuckets local, MeterRegistry registry, LongSupplier nanoTime) {
        this.shared = Objects.requireNonNull(shared);
        this.local = Objects.requireNonNull(local);
        this.nanoTime = Objects.requireNonNull(nanoTime);
        Gauge.builder(BACKEND, answering, a -> a.get() ? 1 : 0)
                .description("Where the rate limits keep their buckets now: 1 for the store in use")
                .tag("backend", "redis")
                .register(registry);
        Gauge.builder(BACKEND, answering, a -> a.get() ? 0 : 1)
                .description("Where the rate limits keep their buckets now: 1 for the store in use")
                .tag("backend", "local")
                .register(registry);
        this.fallbacks = Counter.builder(FALLBACKS)
                .description("Requests rate limited by this instance alone because Redis did not answer")
                .register(registry);
    }

    /** Redis (with {@code REDIS_URL}) shared by every instance, this instance's buckets while it is unreachable. */
    public static SharedBuckets redis(String url, String keyPrefix, MeterRegistry registry) {
        return new SharedBuckets(new RedisBuckets(url, keyPrefix), new LocalBuckets(), registry);
    }

    @Override
    public ConsumptionProbe tryTake(String key, RateLimit limit) {
        if (!answering.get() && nanoTime.getAsLong() - retryAt < 0) {
            fallbacks.increment();
            return local.tryTake(key, limit);
        }
        ConsumptionProbe probe;
        try {
            probe = shared.tryTake(key, limit);
        } catch (RuntimeException e) {
            retryAt = nanoTime.getAsLong() + RETRY_PAUSE.toNanos();
            if (answering.compareAndSet(true, false)) {
                LOG.warn(
                        "Redis does not answer ({}): rate limits use this instance's own buckets until it does",
                        e.toString());
            }
            fallbacks.increment();
            return local.tryTake(key, limit);
        }
        if (answering.compareAndSet(false, true)) {
            LOG.info("Redis answers again: rate limits are shared between instances again");
        }
        return probe;
    }

    /** Whether the shared store answered the last time it was asked. */
    public boolean isShared() {
        return answering.get();
    }

    @Override
    public void close() {
        try {
            shared.close();
        } finally {
            local.close();
        }
    }
}
