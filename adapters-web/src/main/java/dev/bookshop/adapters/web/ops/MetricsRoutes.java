package dev.bookshop.adapters.web.ops;

import dev.bookshop.adapters.web.Access;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/**
 * {@code GET /metrics}: every meter of the process in the Prometheus text format, for a scraper on the operator's
 * network. Public like the health routes: it carries counts and timings, never a customer's data.
 */
public final class MetricsRoutes {

    /** The Prometheus text exposition format, version 0.0.4: what every scraper understands. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    public void register(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType(CONTENT_TYPE).result(registry.scrape()), Access.PUBLIC);
    }
}
