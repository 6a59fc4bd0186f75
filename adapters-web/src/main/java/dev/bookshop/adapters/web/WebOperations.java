package dev.bookshop.adapters.web;

import dev.bookshop.adapters.web.security.LocalBuckets;
import dev.bookshop.adapters.web.security.RateLimitBuckets;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the composition root plugs into the HTTP adapter for running it: the meter registry that {@code GET /metrics}
 * serves and the request timer writes to, so the process publishes one registry with every adapter's meters, and
 * where the rate limits keep their buckets.
 *
 * @param metrics the registry of every meter the process publishes
 * @param rateLimitBuckets this process's buckets, or buckets every instance shares; the composition root closes them
 * @param dependencies what readiness reports of each dependency besides its verdict, by name (for example a read
 *     replica: {@code up}, {@code lagging} or {@code down}); informational, the verdict alone decides the status
 */
public record WebOperations(
        PrometheusMeterRegistry metrics,
        RateLimitBuckets rateLimitBuckets,
        Supplier<Map<String, String>> dependencies) {

    public WebOperations {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(rateLimitBuckets, "rateLimitBuckets");
        Objects.requireNonNull(dependencies, "dependencies");
    }

    /** Readiness tells its verdict only. */
    public WebOperations(PrometheusMeterRegistry metrics, RateLimitBuckets rateLimitBuckets) {
        this(metrics, rateLimitBuckets, Map::of);
    }

    /** Rate limits counted in this process. */
    public WebOperations(PrometheusMeterRegistry metrics) {
        this(metrics, new LocalBuckets());
    }

    /** A registry of the adapter's own meters only. */
    public static WebOperations standalone() {
        return new WebOperations(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }
}
