package dev.bookshop.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.adapters.web.WebSettings.RateLimit;
import dev.bookshop.adapters.web.http.WebError;
import dev.bookshop.adapters.web.http.WebException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final RateLimit FIVE_PER_MINUTE = new RateLimit(5, Duration.ofMinutes(1));

    private final RateLimiter limiter = new RateLimiter();

    @Test
    void refusesPastTheCapacityAndSaysWhenToComeBack() {
        for (int i = 0; i < 5; i++) {
            limiter.acquire("login:ann@example.com", FIVE_PER_MINUTE);
        }

        assertThatThrownBy(() -> limiter.acquire("login:ann@example.com", FIVE_PER_MINUTE))
                .isInstanceOfSatisfying(WebException.class, refusal -> {
                    assertThat(refusal.error()).isEqualTo(WebError.RATE_LIMITED);
                    assertThat(refusal.retryAfter())
                            .hasValueSatisfying(
                                    wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(12)));
                });
        assertThatCode(() -> limiter.acquire("login:bob@example.com", FIVE_PER_MINUTE))
                .as("another key has its own bucket")
                .doesNotThrowAnyException();
    }

    @Test
    void aFloodOfOneOffKeysDoesNotResetTheBucketOfAnAccountUnderAttack() {
        String victim = "login:victim@example.com";
        for (int i = 0; i < 5; i++) {
            limiter.acquire(victim, FIVE_PER_MINUTE);
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThatThrownBy(() -> limiter.acquire(victim, FIVE_PER_MINUTE)).isInstanceOf(WebException.class);
        }

        // More distinct keys than the limiter keeps, each tried once, between the attacker's guesses.
        for (int i = 0; i < 150_000; i++) {
            limiter.acquire("login:spray-" + i + "@example.com", FIVE_PER_MINUTE);
            if (i % 10_000 == 0) {
                assertThatThrownBy(() -> limiter.acquire(victim, FIVE_PER_MINUTE))
                        .isInstanceOf(WebException.class);
            }
        }

        assertThatThrownBy(() -> limiter.acquire(victim, FIVE_PER_MINUTE)).isInstanceOf(WebException.class);
    }
}
