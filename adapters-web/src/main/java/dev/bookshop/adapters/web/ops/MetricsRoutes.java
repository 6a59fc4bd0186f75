package dev.bookshop.adapters.web.ops;

import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.http.ClientAddresses;
import dev.bookshop.adapters.web.http.WebError;
import dev.bookshop.adapters.web.http.WebException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/**
 * {@code GET /metrics}: every meter of the process in the Prometheus text format, for the operator's scraper only:
 * the bearer token the operator configured, or without one a client on this machine ({@link MetricsAccess}). The
 * route needs no shop account, so the authenticator treats it as public and this class guards it.
 */
public final class MetricsRoutes {

    /** The Prometheus text exposition format, version 0.0.4: what every scraper understands. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final MetricsAccess access;

    public MetricsRoutes(PrometheusMeterRegistry registry, MetricsAccess access) {
        this.registry = Objects.requireNonNull(registry);
        this.access = Objects.requireNonNull(access);
    }

    public void register(RoutesConfig routes) {
        routes.get("/metrics", this::scrape, Access.PUBLIC);
    }

    private void scrape(Context ctx) {
        switch (access.decide(ctx.header("Authorization"), ClientAddresses.of(ctx))) {
            case ALLOW -> ctx.contentType(CONTENT_TYPE).result(registry.scrape());
            case UNAUTHENTICATED ->
                throw WebException.unauthenticated("Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.");
            case FORBIDDEN ->
                throw new WebException(
                        WebError.FORBIDDEN, "Metrics are served to this machine only unless a metrics token is set.");
        }
    }
}
