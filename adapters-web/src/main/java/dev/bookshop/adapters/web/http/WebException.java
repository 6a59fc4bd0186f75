package dev.bookshop.adapters.web.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A request refused by the web adapter itself; the problem mapper turns it into problem+json. */
public final class WebException extends RuntimeException {

    private final WebError error;
    private final Optional<Duration> retryAfter;

    public WebException(WebError error, String detail) {
        this(error, detail, Optional.empty());
    }

    private WebException(WebError error, String detail, Optional<Duration> retryAfter) {
        super(detail, null, false, false);
        this.error = Objects.requireNonNull(error);
        this.retryAfter = retryAfter;
    }

    public static WebException malformedJson(String detail) {
        return new WebException(WebError.MALFORMED_JSON, detail);
    }

    public static WebException unauthenticated(String detail) {
        return new WebException(WebError.UNAUTHENTICATED, detail);
    }

    public static WebException rateLimited(Duration retryAfter) {
        return new WebException(WebError.RATE_LIMITED, "too many requests, try again later", Optional.of(retryAfter));
    }

    public WebError error() {
        return error;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
