package dev.bookshop.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.web.WebSettings.RateLimit;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedBucketsTest {

    private static final RateLimit THREE_PER_MINUTE = new RateLimit(3, Duration.ofMinutes(1));

    /** A shared store that can be switched off, counting the requests it was asked. */
    private static final class Switchable implements RateLimitBuckets {
        final LocalBuckets buckets = new LocalBuckets();
        final AtomicBoolean up = new AtomicBoolean(true);
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public ConsumptionProbe tryTake(String key, RateLimit limit) {
            asked.incrementAndGet();
            if (!up.get()) {
                throw new IllegalStateException("Unable to connect to 127.0.0.1:6379");
            }
            return buckets.tryTake(key, limit);
        }
    }

    private final Switchable redis = new Switchable();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong();
    private final SharedBuckets buckets = new SharedBuckets(redis, new LocalBuckets(), registry, now::get);

    @Test
    void whileTheStoreAnswersEveryTokenComesFromIt() {
        assertThat(buckets.tryTake("login:ann", THREE_PER_MINUTE).isConsumed()).isTrue();

        assertThat(redis.asked).hasValue(1);
        assertThat(backend("redis")).isEqualTo(1);
        assertThat(backend("local")).isZero();
        assertThat(fallbacks()).isZero();
    }

    @Test
    void aStoreThatFailsIsReplacedByLocalBucketsThatStillLimit() {
        redis.up.set(false);

        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryTake("login:ann", THREE_PER_MINUTE).isConsumed())
                    .isTrue();
        }

        assertThat(buckets.tryTake("login:ann", THREE_PER_MINUTE).isConsumed())
                .as("the local bucket still holds the budget")
                .isFalse();
        assertThat(buckets.isShared()).isFalse();
        assertThat(backend("redis")).isZero();
        assertThat(backend("local")).isEqualTo(1);
        assertThat(fallbacks()).isEqualTo(4);
        assertThat(redis.asked)
                .as("asked once, then left alone for the retry pause")
                .hasValue(1);
    }

    @Test
    void theStoreIsAskedAgainAfterThePauseAndUsedOnceItAnswers() {
        redis.up.set(false);
        buckets.tryTake("login:ann", THREE_PER_MINUTE);
        now.addAndGet(SharedBuckets.RETRY_PAUSE.toNanos());
        buckets.tryTake("login:ann", THREE_PER_MINUTE);
        assertThat(redis.asked).as("asked again once the pause is over").hasValue(2);

        redis.up.set(true);
        now.addAndGet(SharedBuckets.RETRY_PAUSE.toNanos());
        assertThat(buckets.tryTake("login:ann", THREE_PER_MINUTE).isConsumed()).isTrue();

        assertThat(buckets.isShared()).isTrue();
        assertThat(backend("redis")).isEqualTo(1);
        assertThat(backend("local")).isZero();
        buckets.tryTake("login:ann", THREE_PER_MINUTE);
        assertThat(redis.asked).as("every request asks the store again").hasValue(4);
    }

    private double backend(String name) {
        return registry.get(SharedBuckets.BACKEND).tag("backend", name).gauge().value();
    }

    private double fallbacks() {
        return registry.get(SharedBuckets.FALLBACKS).counter().count();
    }
}
