package dev.bookshop.adapters.web.security;

import dev.bookshop.adapters.web.WebSettings.RateLimit;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Token buckets in Redis, through Bucket4j's compare-and-swap backend on Lettuce: every instance that names the same
 * Redis and key prefix takes from the same bucket. Any failure to reach Redis is thrown, quickly; {@link
 * SharedBuckets} decides what to do then.
 */
public final class RedisBuckets implements RateLimitBuckets {

    /**
     * How long a request waits for Redis, to connect or to answer: a rate limit sits in front of login and checkout,
     * and a dead Redis must not hold those requests for Lettuce's default minute.
     */
    static final Duration TIMEOUT = Duration.ofMillis(200);

    /** Between two tries to reconnect, so a Redis that comes back is used again within this. */
    private static final Duration RECONNECT_DELAY = Duration.ofMillis(500);

    /**
     * A key lives until its bucket would be full again, and this long after: a full bucket and a missing key mean the
     * same, so Redis only holds the buckets someone is drawing on.
     */
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    private final ClientResources resources;
    private final RedisClient client;
    private final String keyPrefix;
    private volatile Connected connected;

    private record Connected(StatefulRedisConnection<byte[], byte[]> connection, ProxyManager<byte[]> buckets) {}

    /**
     * @param url {@code redis://[user:password@]host[:port][/database]} or {@code rediss://…}
     * @param keyPrefix put before every key, so that several shops (or tests) can share one Redis
     */
    public RedisBuckets(String url, String keyPrefix) {
        this.keyPrefix = Objects.requireNonNull(keyPrefix);
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.constant(RECONNECT_DELAY))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While the connection is down, fail at once rather than queue until it is back.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
    }

    @Override
    public ConsumptionProbe tryTake(String key, RateLimit limit) {
        byte[] redisKey = (keyPrefix + "rl:" + key).getBytes(StandardCharsets.UTF_8);
        return connected()
                .buckets()
                .builder()
                .build(redisKey, () -> RateLimitBuckets.configuration(limit))
                .tryConsumeAndReturnRemaining(1);
    }

    /**
     * The connection, made on first use: a Redis that is down when the shop starts costs a failed try (and a fall
     * back to local buckets), not the start. Once made, Lettuce reconnects it by itself.
     */
    private Connected connected() {
        Connected current = connected;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (connected == null) {
                StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE);
                ProxyManager<byte[]> buckets = Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(
                                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                        .requestTimeout(TIMEOUT)
                        .build();
                connected = new Connected(connection, buckets);
            }
            return connected;
        }
    }

    @Override
    public void close() {
        Connected current = connected;
        if (current != null) {
            current.connection().close();
        }
        client.shutdown();
        resources.shutdown();
    }
}
