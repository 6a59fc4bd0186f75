package dev.bookshop.adapters.web.http;

import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.adapters.web.security.Caller;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every request gets, matched or not: a request id (the caller's when sane), security headers, the body size
 * limit checked before anything reads the body, and at the end one access-log line and one sample of the request
 * timer ({@code http_server_requests_seconds} by route template, method and status).
 */
public final class RequestFilters {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String REQUEST_ID = "bookshop.requestId";
    private static final int MAX_REQUEST_ID_LENGTH = 128;
    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("dev.bookshop.access");

    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    // The docs page loads Swagger UI and fetches /openapi.json from here only. Swagger UI sets inline styles on
    // its elements, so styles may be inline; scripts may not.
    private static final String DOCS_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    /** The timer's name; Prometheus shows it as {@code http_server_requests_seconds}. */
    public static final String REQUEST_TIMER = "http.server.requests";

    /** The route label of a request no route matched: never the raw path, whose ids would make a series each. */
    public static final String UNMATCHED_ROUTE = "UNMATCHED";

    // Classic Prometheus latency buckets: enough to read p50/p95/p99 of an API, few enough to keep series cheap.
    private static final Duration[] LATENCY_BUCKETS = Stream.of(
                    5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    private final long maxBodyBytes;
    private final MeterRegistry metrics;

    public RequestFilters(long maxBodyBytes, MeterRegistry metrics) {
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = Objects.requireNonNull(metrics);
    }

    /** Runs first on every request. */
    public void before(Context ctx) {
        MDC.clear();
        String requestId = saneRequestId(ctx.header(REQUEST_ID_HEADER));
        ctx.attribute(REQUEST_ID, requestId);
        MDC.put("requestId", requestId);
        ctx.header(REQUEST_ID_HEADER, requestId);

        securityHeaders(ctx.path(), ctx::header);
        if (ctx.header("Authorization") != null || ctx.path().startsWith("/api/v1/auth/")) {
            ctx.header("Cache-Control", "no-store");
        }

        if (ctx.contentLength() > maxBodyBytes) {
            throw new WebException(
                    WebError.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBodyBytes + " bytes.");
        }
    }

    /** The headers every answer carries, also the ones Jetty gives before the application sees the request. */
    static void securityHeaders(String path, BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("Content-Security-Policy", isDocs(path) ? DOCS_CSP : API_CSP);
    }

    private static boolean isDocs(String path) {
        // Jetty refuses some requests before it has a path at all.
        return path != null && (path.equals(DocsPage.PATH) || path.startsWith(DocsPage.PATH + "/"));
    }

    /** Javalin calls this once per request, after the answer is written. */
    public void accessLog(Context ctx, Float millis) {
        try {
            // Javalin records the matched endpoint when it queues the before-matched handlers, ahead of every
            // handler; the route guard runs on every path, so a request refused before its own handler ran (401,
            // 403, 413…) still has its route template here.
            Optional<String> matched =
                    Optional.ofNullable(ctx.endpoints().matchedHttpEndpoint()).map(endpoint -> endpoint.path);
            String route = matched.orElse("-");
            if (millis != null) {
                time(ctx, matched.orElse(UNMATCHED_ROUTE), millis);
            }
            String userId = Authenticator.callerIfAny(ctx)
                    .map(Caller::userId)
                    .map(Object::toString)
                    .orElse("-");
            ACCESS_LOG.info(
                    "{} {} {} {}ms requestId={} userId={}",
                    ctx.method(),
                    route,
                    ctx.statusCode(),
                    millis == null ? "-" : Math.round(millis),
                    requestId(ctx),
                    userId);
        } finally {
            MDC.clear();
        }
    }

    /** The access-log line of a request Jetty refused before {@link #before} could run. */
    static void logRefused(String method, int status, String requestId) {
        MDC.put("requestId", requestId);
        try {
            ACCESS_LOG.info("{} - {} -ms requestId={} userId=-", method, status, requestId);
        } finally {
            MDC.remove("requestId");
        }
    }

    private void time(Context ctx, String route, float millis) {
        int status = ctx.statusCode();
        Timer.builder(REQUEST_TIMER)
                .description("HTTP requests by route template, method and status")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(metrics)
                .record(Duration.ofNanos(Math.round(millis * 1_000_000.0)));
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        if (status >= 300) {
            return "REDIRECTION";
        }
        return "SUCCESS";
    }

    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "-" : id;
    }

    /** The caller's id when it is 1 to 128 visible ASCII characters; otherwise a fresh UUID. */
    static String saneRequestId(String offered) {
        if (offered != null
                && !offered.isEmpty()
                && offered.length() <= MAX_REQUEST_ID_LENGTH
                && offered.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }
}
