package dev.bookshop.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bookshop.adapters.web.WebSettings.RateLimit;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Redis buckets against a real Redis ({@code TEST_REDIS_URL}, else {@code redis://127.0.0.1:6379}); skipped,
 * saying so, where none answers. Each test has a key prefix of its own, so runs do not share buckets.
 */
class RedisBucketsTest {

    private static final String URL =
            Optional.ofNullable(System.getenv("TEST_REDIS_URL")).orElse("redis://127.0.0.1:6379");
    private static final RateLimit FIVE_PER_MINUTE = new RateLimit(5, Duration.ofMinutes(1));

    private final String prefix = "bookshop-test:" + UUID.randomUUID() + ":";

    @BeforeAll
    static void redisAnswers() {
        URI uri = URI.create(URL);
        boolean answers;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 1_000);
            answers = true;
        } catch (IOException e) {
            answers = false;
        }
        assumeTrue(answers, "no Redis at " + URL + " (set TEST_REDIS_URL): the Redis bucket tests are skipped");
    }

    @Test
    void twoInstancesTakeFromOneBucket() {
        try (RedisBuckets one = new RedisBuckets(URL, prefix);
                RedisBuckets other = new RedisBuckets(URL, prefix)) {
            for (int i = 0; i < 5; i++) {
                RedisBuckets instance = i % 2 == 0 ? one : other;
                assertThat(instance.tryTake("login:ann", FIVE_PER_MINUTE).isConsumed())
                        .isTrue();
            }

            assertThat(one.tryTake("login:ann", FIVE_PER_MINUTE).isConsumed()).isFalse();
            assertThat(other.tryTake("login:ann", FIVE_PER_MINUTE).isConsumed()).isFalse();
            assertThat(other.tryTake("login:ann", FIVE_PER_MINUTE).getNanosToWaitForRefill())
                    .isPositive();
            assertThat(one.tryTake("login:bob", FIVE_PER_MINUTE).isConsumed())
                    .as("another key has its own bucket")
                    .isTrue();
        }
    }

    @Test
    void aKeyIsNamespacedAndExpiresOnceItsBucketWouldBeFullAgain() {
        try (RedisBuckets buckets = new RedisBuckets(URL, prefix);
                RedisClient client = RedisClient.create(URL);
                StatefulRedisConnection<String, String> redis = client.connect()) {
            buckets.tryTake("login:ann", FIVE_PER_MINUTE);

            long ttl = redis.sync().pttl(prefix + "rl:login:ann");
            assertThat(ttl)
                    .as("milliseconds to live: a refill of one token (12 s) plus the margin")
                    .isPositive()
                    .isLessThanOrEqualTo(Duration.ofSeconds(12 + 10).toMillis());
        }
    }

    @Test
    void aRedisThatIsNotThereFailsTheCallInsteadOfHangingIt() throws IOException {
        int nobody;
        try (ServerSocket free = new ServerSocket(0)) {
            nobody = free.getLocalPort();
        }
        try (RedisBuckets buckets = new RedisBuckets("redis://127.0.0.1:" + nobody, prefix)) {
            assertThatThrownBy(() -> buckets.tryTake("login:ann", FIVE_PER_MINUTE))
                    .isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> buckets.tryTake("login:ann", FIVE_PER_MINUTE))
                    .as("and again on the next request: no connection was kept")
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
