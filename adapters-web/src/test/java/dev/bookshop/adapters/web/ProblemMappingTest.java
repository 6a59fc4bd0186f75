package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.domain.auth.InvalidRefreshTokenException;
import dev.bookshop.domain.auth.SessionNotFoundException;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.cart.CartItemNotFoundException;
import dev.bookshop.domain.cart.QuantityLimitExceededException;
import dev.bookshop.domain.catalog.CategoryNotFoundException;
import dev.bookshop.domain.catalog.CategorySlugTakenException;
import dev.bookshop.domain.catalog.InsufficientStockException;
import dev.bookshop.domain.catalog.ProductChangedException;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.catalog.StockBelowReservedException;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.ValidationException;
import dev.bookshop.domain.order.CartEmptyException;
import dev.bookshop.domain.order.IdempotencyKeyReusedException;
import dev.bookshop.domain.order.IllegalOrderTransitionException;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderNotFoundException;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.order.OrderUnitsLimitExceededException;
import dev.bookshop.domain.order.PaymentProviderUnavailableException;
import dev.bookshop.domain.order.ProductUnavailableException;
import dev.bookshop.domain.order.TooManyPendingOrdersException;
import dev.bookshop.domain.user.EmailTakenException;
import dev.bookshop.domain.user.InvalidCredentialsException;
import dev.bookshop.domain.user.LastAdminException;
import dev.bookshop.domain.user.NotAdminException;
import dev.bookshop.domain.user.UserId;
import dev.bookshop.domain.user.UserInactiveException;
import dev.bookshop.domain.user.UserNotFoundException;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemMappingTest {

    static final ProductId BOOK = ProductId.of(UUID.fromString("00000000-0000-0000-0000-000000000001"));

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** One refusal of each code, as the use cases would throw it; exhaustive, so a new code needs a case here. */
    static DomainException example(ErrorCode code) {
        UserId user = UserId.of(UUID.randomUUID());
        return switch (code) {
            case VALIDATION_FAILED -> ValidationException.of("title", "must not be blank");
            case EMAIL_TAKEN -> new EmailTakenException();
            case INVALID_CREDENTIALS -> new InvalidCredentialsException();
            case INVALID_REFRESH_TOKEN -> new InvalidRefreshTokenException("reused");
            case USER_INACTIVE -> new UserInactiveException(user);
            case NOT_ADMIN -> new NotAdminException();
            case LAST_ADMIN -> new LastAdminException();
            case USER_NOT_FOUND -> new UserNotFoundException(user);
            case SESSION_NOT_FOUND -> new SessionNotFoundException(TokenFamilyId.of(UUID.randomUUID()));
            case PRODUCT_NOT_FOUND -> new ProductNotFoundException("x");
            case CATEGORY_NOT_FOUND -> new CategoryNotFoundException("x");
            case CATEGORY_SLUG_TAKEN -> new CategorySlugTakenException("x");
            case CART_ITEM_NOT_FOUND -> new CartItemNotFoundException(BOOK);
            case ORDER_NOT_FOUND -> new OrderNotFoundException(OrderId.of(UUID.randomUUID()));
            case INSUFFICIENT_STOCK -> InsufficientStockException.of(BOOK, 3, 1);
            case CART_EMPTY -> new CartEmptyException();
            case PRODUCT_UNAVAILABLE -> new ProductUnavailableException(List.of(BOOK));
            case ILLEGAL_ORDER_TRANSITION ->
                new IllegalOrderTransitionException(
                        OrderId.of(UUID.randomUUID()), OrderStatus.PAID, OrderStatus.FAILED);
            case IDEMPOTENCY_KEY_REUSED -> new IdempotencyKeyReusedException();
            case PAYMENT_PROVIDER_UNAVAILABLE -> new PaymentProviderUnavailableException("stripe said 500 at sk_live");
            case QUANTITY_LIMIT_EXCEEDED -> new QuantityLimitExceededException(BOOK, 51, 50);
            case ORDER_UNITS_LIMIT_EXCEEDED -> new OrderUnitsLimitExceededException(101, 100);
            case TOO_MANY_PENDING_ORDERS -> new TooManyPendingOrdersException(3, 3);
            case STOCK_BELOW_RESERVED -> new StockBelowReservedException(BOOK, 1, 2);
            case PRECONDITION_FAILED -> new ProductChangedException(BOOK, 3);
            case INVALID_TOKEN -> new dev.bookshop.domain.auth.InvalidTokenException();
            case EMAIL_ALREADY_VERIFIED -> new dev.bookshop.domain.user.EmailAlreadyVerifiedException();
            case EMAIL_NOT_VERIFIED -> new dev.bookshop.domain.user.EmailNotVerifiedException();
            case PAGE_WINDOW_EXCEEDED -> new dev.bookshop.domain.common.PageWindowExceededException(10_000);
            case ADDRESS_NOT_FOUND ->
                new dev.bookshop.domain.address.AddressNotFoundException(
                        dev.bookshop.domain.address.AddressId.of(UUID.randomUUID()));
            case ADDRESS_BOOK_FULL -> new dev.bookshop.domain.address.AddressBookFullException(20);
            case SHIPPING_METHOD_NOT_FOUND ->
                new dev.bookshop.domain.shipping.ShippingMethodNotFoundException(
                        dev.bookshop.domain.shipping.ShippingMethodId.of(UUID.randomUUID()));
            case SHIPPING_ADDRESS_REQUIRED -> new dev.bookshop.domain.shipping.ShippingAddressRequiredException();
            case SHIPPING_METHOD_REQUIRED -> new dev.bookshop.domain.shipping.ShippingMethodRequiredException();
            case SHIPPING_UNAVAILABLE ->
                new dev.bookshop.domain.shipping.ShippingUnavailableException(
                        dev.bookshop.domain.shipping.ShippingMethodId.of(UUID.randomUUID()),
                        java.util.Optional.empty());
            case DISCOUNT_INVALID -> new dev.bookshop.domain.order.DiscountInvalidException("unknown");
            case CART_TOKEN_INVALID -> new dev.bookshop.domain.cart.CartTokenInvalidException();
            case DISCOUNT_CODE_TAKEN -> new dev.bookshop.domain.discount.DiscountCodeTakenException("SPRING");
            case DISCOUNT_CODE_NOT_FOUND ->
                new dev.bookshop.domain.discount.DiscountCodeNotFoundException(
                        dev.bookshop.domain.discount.DiscountCodeId.of(UUID.randomUUID()));
        };
    }

    static final Map<ErrorCode, Integer> EXPECTED_STATUS = Map.ofEntries(
            Map.entry(ErrorCode.VALIDATION_FAILED, 422),
            Map.entry(ErrorCode.EMAIL_TAKEN, 409),
            Map.entry(ErrorCode.INVALID_CREDENTIALS, 401),
            Map.entry(ErrorCode.INVALID_REFRESH_TOKEN, 401),
            Map.entry(ErrorCode.USER_INACTIVE, 403),
            Map.entry(ErrorCode.NOT_ADMIN, 403),
            Map.entry(ErrorCode.LAST_ADMIN, 409),
            Map.entry(ErrorCode.USER_NOT_FOUND, 404),
            Map.entry(ErrorCode.SHIPPING_METHOD_NOT_FOUND, 404),
            Map.entry(ErrorCode.SESSION_NOT_FOUND, 404),
            Map.entry(ErrorCode.PRODUCT_NOT_FOUND, 404),
            Map.entry(ErrorCode.CATEGORY_NOT_FOUND, 404),
            Map.entry(ErrorCode.CATEGORY_SLUG_TAKEN, 409),
            Map.entry(ErrorCode.CART_ITEM_NOT_FOUND, 404),
            Map.entry(ErrorCode.ORDER_NOT_FOUND, 404),
            Map.entry(ErrorCode.INSUFFICIENT_STOCK, 409),
            Map.entry(ErrorCode.CART_EMPTY, 409),
            Map.entry(ErrorCode.INVALID_TOKEN, 401),
            Map.entry(ErrorCode.CART_TOKEN_INVALID, 401),
            Map.entry(ErrorCode.DISCOUNT_CODE_TAKEN, 409),
            Map.entry(ErrorCode.DISCOUNT_CODE_NOT_FOUND, 404),
            Map.entry(ErrorCode.EMAIL_ALREADY_VERIFIED, 409),
            Map.entry(ErrorCode.EMAIL_NOT_VERIFIED, 403),
            Map.entry(ErrorCode.QUANTITY_LIMIT_EXCEEDED, 409),
            Map.entry(ErrorCode.ORDER_UNITS_LIMIT_EXCEEDED, 409),
            Map.entry(ErrorCode.TOO_MANY_PENDING_ORDERS, 409),
            Map.entry(ErrorCode.PRODUCT_UNAVAILABLE, 409),
            Map.entry(ErrorCode.ILLEGAL_ORDER_TRANSITION, 409),
            Map.entry(ErrorCode.IDEMPOTENCY_KEY_REUSED, 409),
            Map.entry(ErrorCode.STOCK_BELOW_RESERVED, 409),
            Map.entry(ErrorCode.PRECONDITION_FAILED, 412),
            Map.entry(ErrorCode.PAGE_WINDOW_EXCEEDED, 422),
            Map.entry(ErrorCode.ADDRESS_NOT_FOUND, 404),
            Map.entry(ErrorCode.ADDRESS_BOOK_FULL, 409),
            Map.entry(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, 502),
            Map.entry(ErrorCode.SHIPPING_ADDRESS_REQUIRED, 422),
            Map.entry(ErrorCode.SHIPPING_METHOD_REQUIRED, 422),
            Map.entry(ErrorCode.SHIPPING_UNAVAILABLE, 422),
            Map.entry(ErrorCode.DISCOUNT_INVALID, 422));

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyRefusalBecomesAProblemWithItsStatusAndCode(ErrorCode code) {
        app.shop.failNextCallWith(example(code));

        var response = app.get("/api/v1/products/anything");

        assertThat(response.status()).isEqualTo(EXPECTED_STATUS.get(code));
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asText()).isEqualTo(code.name());
        assertThat(problem.get("status").asInt()).isEqualTo(EXPECTED_STATUS.get(code));
        assertThat(problem.get("type").asText()).startsWith("urn:bookshop:problem:");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/products/anything");
        // A refused page or checkout names the input too, so a 422 always says which input to change.
        assertThat(problem.has("errors")).isEqualTo(EXPECTED_STATUS.get(code) == 422);
        assertThat(problem.has("productIds"))
                .isEqualTo(code == ErrorCode.INSUFFICIENT_STOCK
                        || code == ErrorCode.PRODUCT_UNAVAILABLE
                        || code == ErrorCode.QUANTITY_LIMIT_EXCEEDED);
        assertThat(response.body()).doesNotContain("Exception", "sk_live");
    }

    @Test
    void checkoutRefusalsNameTheBodyFieldThatFixesThem() {
        var method = dev.bookshop.domain.shipping.ShippingMethodId.of(UUID.randomUUID());
        app.shop.failNextCallWith(
                new dev.bookshop.domain.shipping.ShippingUnavailableException(method, java.util.Optional.empty()));
        JsonNode unavailable = app.get("/api/v1/products/anything").json();
        app.shop.failNextCallWith(example(ErrorCode.DISCOUNT_INVALID));
        JsonNode discount = app.get("/api/v1/products/anything").json();
        app.shop.failNextCallWith(example(ErrorCode.SHIPPING_ADDRESS_REQUIRED));
        JsonNode address = app.get("/api/v1/products/anything").json();

        assertThat(unavailable.get("shippingMethodId").asText()).isEqualTo(method.toString());
        assertThat(unavailable.get("errors").get(0).get("field").asText()).isEqualTo("shippingMethodId");
        assertThat(discount.get("reason").asText()).isEqualTo("unknown");
        assertThat(discount.get("errors").get(0).get("field").asText()).isEqualTo("discountCode");
        assertThat(address.get("errors").get(0).get("field").asText()).isEqualTo("shippingAddress");
    }

    @Test
    void purchaseLimitProblemsNameTheLimit() {
        app.shop.failNextCallWith(example(ErrorCode.QUANTITY_LIMIT_EXCEEDED));
        var line = app.get("/api/v1/products/anything").json();
        app.shop.failNextCallWith(example(ErrorCode.ORDER_UNITS_LIMIT_EXCEEDED));
        var units = app.get("/api/v1/products/anything").json();
        app.shop.failNextCallWith(example(ErrorCode.TOO_MANY_PENDING_ORDERS));
        var pending = app.get("/api/v1/products/anything").json();

        assertThat(line.get("limit").asInt()).isEqualTo(50);
        assertThat(line.get("productIds").get(0).asText()).isEqualTo(BOOK.toString());
        assertThat(units.get("limit").asInt()).isEqualTo(100);
        assertThat(pending.get("limit").asInt()).isEqualTo(3);
    }

    @Test
    void aFullAddressBookNamesItsLimit() {
        app.shop.failNextCallWith(example(ErrorCode.ADDRESS_BOOK_FULL));
        var full = app.get("/api/v1/products/anything").json();

        assertThat(full.get("code").asText()).isEqualTo("ADDRESS_BOOK_FULL");
        assertThat(full.get("limit").asInt()).isEqualTo(20);
    }

    @Test
    void stockProblemsListTheBooks() {
        app.shop.failNextCallWith(example(ErrorCode.INSUFFICIENT_STOCK));

        var problem = app.get("/api/v1/products/anything").json();

        assertThat(problem.get("productIds").get(0).asText()).isEqualTo(BOOK.toString());
    }

    @Test
    void anUnexpectedFailureIsAGeneric500() {
        app.shop.failNextCallWith(new IllegalStateException("SELECT * FROM users WHERE password = 'x'"));

        var response = app.get("/api/v1/categories");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("SELECT", "IllegalStateException", "dev.bookshop", "at ");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void invalidJsonIsMalformed() {
        var response = app.send("POST", "/api/v1/auth/signup", "{\"email\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(response.body()).doesNotContain("Jackson", "line:");
    }

    @Test
    void aBodyThatIsNotAnObjectIsMalformed() {
        assertThat(app.send("POST", "/api/v1/auth/signup", "[1,2]").status()).isEqualTo(400);
        assertThat(app.send("POST", "/api/v1/auth/signup", "\"text\"").status()).isEqualTo(400);
        assertThat(app.send("POST", "/api/v1/auth/signup", "").status()).isEqualTo(400);
    }

    @Test
    void wrongJsonTypesAreMalformed() {
        var response = app.send("POST", "/api/v1/auth/signup", "{\"email\":42,\"password\":true}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void duplicateKeysAreMalformed() {
        var response = app.send("POST", "/api/v1/auth/logout", "{\"refreshToken\":\"a\",\"refreshToken\":\"b\"}");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsUnsupported() {
        var plain = app.send("POST", "/api/v1/auth/signup", "{\"email\":\"a@b.co\"}", "Content-Type", "text/plain");
        var form =
                app.send("POST", "/api/v1/auth/login", "email=a", "Content-Type", "application/x-www-form-urlencoded");
        var withCharset = app.send(
                "POST",
                "/api/v1/auth/logout",
                "{\"refreshToken\":\"x\"}",
                "Content-Type",
                "application/json; charset=utf-8");

        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(form.status()).isEqualTo(415);
        assertThat(withCharset.status()).isEqualTo(204);
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        String big = "{\"email\":\"" + "a".repeat(1024 * 1024) + "\"}";
        // The server refuses by the declared length and closes the connection without reading the body. A client that
        // is still writing the body then sometimes sees the reset before the answer, so this one waits for the server's
        // word first (Expect: 100-continue), as careful clients do.
        var request = HttpRequest.newBuilder(app.uri("/api/v1/auth/signup"))
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big));

        var response = app.send(request);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aStreamedBodyOverOneMebibyteIsTooLargeToo() {
        byte[] big = ("{\"email\":\"" + "a".repeat(1024 * 1024) + "\"}").getBytes();
        var request = HttpRequest.newBuilder(app.uri("/api/v1/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)));

        var response = app.send(request);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void anUnknownRouteIsNotFound() {
        var response = app.get("/api/v1/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aKnownRouteWithTheWrongMethodIsNotAllowed() {
        var response = app.delete("/api/v1/categories");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(response.header("Allow")).contains("GET");
    }
}
