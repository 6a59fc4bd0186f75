package dev.bookshop.adapters.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import dev.bookshop.domain.address.AddressBookFullException;
import dev.bookshop.domain.cart.QuantityLimitExceededException;
import dev.bookshop.domain.catalog.InsufficientStockException;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.StockBelowReservedException;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.FieldViolation;
import dev.bookshop.domain.common.PageWindowExceededException;
import dev.bookshop.domain.common.ValidationException;
import dev.bookshop.domain.order.DiscountInvalidException;
import dev.bookshop.domain.order.OrderUnitsLimitExceededException;
import dev.bookshop.domain.order.ProductUnavailableException;
import dev.bookshop.domain.order.TooManyPendingOrdersException;
import dev.bookshop.domain.shipping.ShippingAddressRequiredException;
import dev.bookshop.domain.shipping.ShippingMethodRequiredException;
import dev.bookshop.domain.shipping.ShippingUnavailableException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where every failure becomes an HTTP answer: business refusals by their {@link ErrorCode}, the web
 * adapter's own refusals by {@link WebError}, Javalin's 404/405/413, and anything else as a generic 500 whose cause
 * is logged but never shown. Requests Jetty refuses before the application sees them are {@link JettyErrorHandler}'s.
 */
public final class ProblemMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private final ObjectMapper json;

    public ProblemMapper(ObjectMapper json) {
        this.json = Objects.requireNonNull(json);
    }

    public void handle(Exception exception, Context ctx) {
        Problem problem = switch (exception) {
            case DomainException refusal -> forDomain(refusal, ctx);
            case WebException refusal -> forWeb(refusal, ctx);
            case HttpResponseException javalin -> forJavalin(javalin, ctx);
            case Exception failure
            when isOutage(failure) -> {
                // An outage is the operator's news (readiness says so too), not a bug: one line, no stack trace.
                LOG.warn(
                        "{} {} answered 503: a dependency is unavailable ({})",
                        ctx.method(),
                        ctx.path(),
                        String.valueOf(failure));
                yield web(
                        WebError.SERVICE_UNAVAILABLE,
                        "The service is temporarily unavailable; try again shortly.",
                        ctx);
            }
            // Reading the request failed (a broken chunked body, a client gone mid-body): the caller's fault, and
            // nothing in the web adapter does other I/O that could fail on the server's side.
            case IOException unreadable -> {
                LOG.debug("Unreadable request on {} {}", ctx.method(), ctx.path(), unreadable);
                yield web(WebError.BAD_REQUEST, "The request could not be read.", ctx);
            }
            default -> {
                LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), exception);
                yield web(WebError.INTERNAL_ERROR, "An unexpected error occurred.", ctx);
            }
        };
        write(ctx, problem);
    }

    /**
     * An outage answers 503 SERVICE_UNAVAILABLE, since the same request may well succeed once the store is back;
     * causes count too, for a library that wraps what a use case threw.
     */
    private static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /** Writes a problem answer directly, for handlers that answer a refusal without throwing. */
    public void write(Context ctx, Problem problem) {
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"bookshop\"");
        }
        try {
            ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            // A problem document is plain data; failing to write it is a programming error.
            throw new IllegalStateException("could not write a problem document", e);
        }
    }

    public static Problem web(WebError error, String detail, Context ctx) {
        return Problem.of(error.name(), error.title(), error.status(), detail, ctx.path());
    }

    private Problem forWeb(WebException refusal, Context ctx) {
        refusal.retryAfter()
                .ifPresent(wait -> ctx.header("Retry-After", Long.toString(Math.max(1, ceilSeconds(wait)))));
        return web(refusal.error(), refusal.getMessage(), ctx);
    }

    private static long ceilSeconds(java.time.Duration wait) {
        long seconds = wait.toSeconds();
        return wait.toNanosPart() > 0 ? seconds + 1 : seconds;
    }

    private Problem forJavalin(HttpResponseException javalin, Context ctx) {
        return switch (javalin.getStatus()) {
            case 404 -> web(WebError.NOT_FOUND, "No route matches " + ctx.method() + " " + ctx.path() + ".", ctx);
            case 405 -> {
                // Javalin lists the methods the path does accept as the single detail value ("GET, POST").
                javalin.getDetails().values().stream().findFirst().ifPresent(methods -> ctx.header("Allow", methods));
                yield web(WebError.METHOD_NOT_ALLOWED, "This route does not accept " + ctx.method() + ".", ctx);
            }
            case 413 -> web(WebError.PAYLOAD_TOO_LARGE, "The request body is too large.", ctx);
            case 415 -> web(WebError.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.", ctx);
            case 400 -> web(WebError.BAD_REQUEST, "The request could not be read.", ctx);
            default -> {
                if (javalin.getStatus() >= 500) {
                    LOG.error("Server failure on {} {}", ctx.method(), ctx.path(), javalin);
                    yield web(WebError.INTERNAL_ERROR, "An unexpected error occurred.", ctx);
                }
                String code = "HTTP_" + javalin.getStatus();
                yield Problem.of(code, "HTTP " + javalin.getStatus(), javalin.getStatus(), null, ctx.path());
            }
        };
    }

    private Problem forDomain(DomainException refusal, Context ctx) {
        ErrorCode code = refusal.code();
        Problem problem =
                Problem.of(code.name(), Problem.titleFor(code.name()), statusOf(code), detailOf(refusal), ctx.path());
        return switch (refusal) {
            case ValidationException invalid -> problem.withErrors(invalid.violations());
            case InsufficientStockException shortage -> problem.withExtension("productIds", ids(shortage.productIds()));
            case ProductUnavailableException gone -> problem.withExtension("productIds", ids(gone.productIds()));
            case QuantityLimitExceededException line ->
                problem.withExtension("productIds", ids(List.of(line.productId())))
                        .withExtension("limit", line.limit());
            case OrderUnitsLimitExceededException units -> problem.withExtension("limit", units.limit());
            case TooManyPendingOrdersException pending -> problem.withExtension("limit", pending.limit());
            case StockBelowReservedException below -> problem.withExtension("reserved", below.reserved());
            case AddressBookFullException full -> problem.withExtension("limit", full.limit());
            // A checkout's refusals name the body field the customer changes to fix them, as every 422 does.
            case ShippingAddressRequiredException missing -> problem.withErrors(named("shippingAddress", missing));
            case ShippingMethodRequiredException missing -> problem.withErrors(named("shippingMethodId", missing));
            case ShippingUnavailableException unavailable ->
                problem.withErrors(named("shippingMethodId", unavailable))
                        .withExtension(
                                "shippingMethodId", unavailable.methodId().toString());
            case DiscountInvalidException discount ->
                problem.withErrors(named("discountCode", discount)).withExtension("reason", discount.reason());
            case PageWindowExceededException window ->
                problem.withErrors(List.of(new FieldViolation(
                                "page", "page × size must stay within " + window.window() + "; follow nextCursor")))
                        .withExtension("window", window.window());
            default -> code == ErrorCode.VALIDATION_FAILED ? problem.withErrors(List.of()) : problem;
        };
    }

    /** The domain's own words, except where they could carry a provider's internals or a token's history. */
    private static String detailOf(DomainException refusal) {
        return switch (refusal.code()) {
            case INVALID_REFRESH_TOKEN -> "The refresh token is invalid, expired or revoked.";
            case PAYMENT_PROVIDER_UNAVAILABLE ->
                "The payment provider could not be reached; the order was not charged.";
            default -> refusal.getMessage();
        };
    }

    /** Exhaustive on purpose: a new error code does not compile until it has a status. */
    static int statusOf(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> 422;
            case EMAIL_TAKEN -> 409;
            case INVALID_CREDENTIALS, INVALID_REFRESH_TOKEN -> 401;
            case USER_INACTIVE, NOT_ADMIN -> 403;
            case LAST_ADMIN -> 409;
            case SESSION_NOT_FOUND -> 404;
            case USER_NOT_FOUND, PRODUCT_NOT_FOUND, CATEGORY_NOT_FOUND, CART_ITEM_NOT_FOUND, ORDER_NOT_FOUND -> 404;
            case SHIPPING_METHOD_NOT_FOUND -> 404;
            case CATEGORY_SLUG_TAKEN -> 409;
            case INSUFFICIENT_STOCK, CART_EMPTY, PRODUCT_UNAVAILABLE -> 409;
            case ILLEGAL_ORDER_TRANSITION, IDEMPOTENCY_KEY_REUSED -> 409;
            case QUANTITY_LIMIT_EXCEEDED, ORDER_UNITS_LIMIT_EXCEEDED, TOO_MANY_PENDING_ORDERS -> 409;
            case STOCK_BELOW_RESERVED -> 409;
            case PRECONDITION_FAILED -> 412;
            case PAGE_WINDOW_EXCEEDED -> 422;
            case PAYMENT_PROVIDER_UNAVAILABLE -> 502;
            case INVALID_TOKEN -> 401;
            case EMAIL_ALREADY_VERIFIED -> 409;
            case EMAIL_NOT_VERIFIED -> 403;
            case ADDRESS_NOT_FOUND -> 404;
            case ADDRESS_BOOK_FULL -> 409;
            case SHIPPING_ADDRESS_REQUIRED, SHIPPING_METHOD_REQUIRED, SHIPPING_UNAVAILABLE -> 422;
            case DISCOUNT_INVALID -> 422;
            case CART_TOKEN_INVALID -> 401;
            case DISCOUNT_CODE_TAKEN -> 409;
            case DISCOUNT_CODE_NOT_FOUND -> 404;
        };
    }

    private static List<FieldViolation> named(String field, DomainException refusal) {
        return List.of(new FieldViolation(field, refusal.getMessage()));
    }

    private static List<String> ids(List<ProductId> productIds) {
        return productIds.stream().map(ProductId::toString).toList();
    }
}
