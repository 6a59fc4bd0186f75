package dev.bookshop.adapters.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/**
 * What the composition root plugs into the HTTP adapter for running it: the meter registry that {@code GET /metrics}
 * serves and the request timer writes to, so the process publishes one registry with every adapter's meters.
 *
 * @param metrics the registry of every meter the process publishes
 */
public record WebOperations(PrometheusMeterRegistry metrics) {

    public WebOperations {
        Objects.requireNonNull(metrics, "metrics");
    }

    /** A registry of the adapter's own meters only. */
    public static WebOperations standalone() {
        return new WebOperations(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }
}
