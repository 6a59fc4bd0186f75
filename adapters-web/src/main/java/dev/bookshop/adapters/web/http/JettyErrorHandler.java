package dev.bookshop.adapters.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests Jetty refuses before any filter or route runs (a path it cannot decode or finds ambiguous, a
 * request line or header block larger than its buffer, a malformed request) the way the application answers its
 * own refusals: a problem document with a request id and the security headers, not Jetty's HTML page.
 */
public final class JettyErrorHandler extends ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JettyErrorHandler.class);
    private static final Set<String> JETTY_STAND_INS = Set.of("/badMessage", "/badURI");

    private final ObjectMapper json;

    public JettyErrorHandler(ObjectMapper json) {
        this.json = Objects.requireNonNull(json);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
        int status = cause instanceof HttpException refusal ? refusal.getCode() : response.getStatus();
        WebError error = errorFor(status, cause instanceof HttpException);
        if (error == WebError.INTERNAL_ERROR) {
            LOG.error("Jetty failed a request with {} before the application saw it", status, cause);
        }
        String requestId = RequestFilters.saneRequestId(request.getHeaders().get(RequestFilters.REQUEST_ID_HEADER));
        String path = pathOf(request);
        // Jetty's message names its parser's state (and echoes the request); a fixed detail per status says enough.
        Problem problem = Problem.of(error.name(), error.title(), error.status(), detailOf(error), path);
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a problem document", e);
        }

        response.setStatus(error.status());
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        response.getHeaders().put(RequestFilters.REQUEST_ID_HEADER, requestId);
        RequestFilters.securityHeaders(path, response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        RequestFilters.logRefused(request.getMethod(), error.status(), requestId);
        // Jetty sends whatever is written, also to a HEAD; the length still tells what a GET would have had.
        response.write(true, HttpMethod.HEAD.is(request.getMethod()) ? null : ByteBuffer.wrap(body), callback);
        return true;
    }

    /**
     * Jetty refuses with 400 (an unreadable request line or header, an ambiguous path), 414 and 431; its other client
     * errors are requests it could not read too, and so is a refusal of its parser with a 5xx status (505 for an HTTP
     * version it does not speak): the request's fault, not the server's. Any other 5xx is Jetty failing, which the
     * caller hears about only as that.
     */
    private static WebError errorFor(int status, boolean refusedByParser) {
        return switch (status) {
            case 413 -> WebError.PAYLOAD_TOO_LARGE;
            case 414 -> WebError.URI_TOO_LONG;
            case 431 -> WebError.HEADERS_TOO_LARGE;
            default -> status >= 500 && !refusedByParser ? WebError.INTERNAL_ERROR : WebError.BAD_REQUEST;
        };
    }

    private static String detailOf(WebError error) {
        return switch (error) {
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case URI_TOO_LONG -> "The request URI is longer than the server accepts.";
            case HEADERS_TOO_LARGE -> "The request headers are larger than the server accepts.";
            case INTERNAL_ERROR -> "An unexpected error occurred.";
            default -> "The request could not be read.";
        };
    }

    /**
     * The path as sent, like the application's {@code instance}; none when Jetty refused the request line itself and
     * stands in a path of its own, which names nothing the caller sent (and would only tell them the server is Jetty).
     */
    private static String pathOf(Request request) {
        HttpURI uri = request.getHttpURI();
        String path = uri == null ? null : uri.getPath();
        return path == null || path.isEmpty() || JETTY_STAND_INS.contains(path) ? null : path;
    }
}
