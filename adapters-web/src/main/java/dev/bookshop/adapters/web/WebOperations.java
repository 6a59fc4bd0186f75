package dev.bookshop.adapters.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the composition root plugs into the HTTP adapter for running it: the meter registry that {@code GET /metrics}
 * serves and the request timer writes to, and how to recognise a failure that means a dependency (the database) is
 * down, which answers 503 rather than 500. The adapter cannot recognise that failure itself: its type belongs to the
 * out-ports, which a driving adapter never sees.
 *
 * @param metrics the registry of every meter the process publishes
 * @param dependencyDown true for an exception (or a cause of one) that says a dependency is unreachable right now
 */
public record WebOperations(PrometheusMeterRegistry metrics, Predicate<Throwable> dependencyDown) {

    public WebOperations {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(dependencyDown, "dependencyDown");
    }

    /** A registry of the adapter's own meters only, and no failure counted as an outage. */
    public static WebOperations standalone() {
        return new WebOperations(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), failure -> false);
    }
}
