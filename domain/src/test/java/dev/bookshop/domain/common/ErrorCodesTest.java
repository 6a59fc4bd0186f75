package dev.bookshop.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.address.AddressBookFullException;
import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.AddressNotFoundException;
import dev.bookshop.domain.auth.InvalidRefreshTokenException;
import dev.bookshop.domain.auth.InvalidTokenException;
import dev.bookshop.domain.auth.SessionNotFoundException;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.cart.CartItemNotFoundException;
import dev.bookshop.domain.cart.CartTokenInvalidException;
import dev.bookshop.domain.cart.QuantityLimitExceededException;
import dev.bookshop.domain.catalog.CategoryNotFoundException;
import dev.bookshop.domain.catalog.CategorySlugTakenException;
import dev.bookshop.domain.catalog.InsufficientStockException;
import dev.bookshop.domain.catalog.ProductChangedException;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.catalog.StockBelowReservedException;
import dev.bookshop.domain.order.CartEmptyException;
import dev.bookshop.domain.order.DiscountInvalidException;
import dev.bookshop.domain.order.IdempotencyKeyReusedException;
import dev.bookshop.domain.order.IllegalOrderTransitionException;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderNotFoundException;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.order.OrderUnitsLimitExceededException;
import dev.bookshop.domain.order.PaymentProviderUnavailableException;
import dev.bookshop.domain.order.ProductUnavailableException;
import dev.bookshop.domain.order.TooManyPendingOrdersException;
import dev.bookshop.domain.shipping.ShippingAddressRequiredException;
import dev.bookshop.domain.shipping.ShippingMethodId;
import dev.bookshop.domain.shipping.ShippingMethodNotFoundException;
import dev.bookshop.domain.shipping.ShippingMethodRequiredException;
import dev.bookshop.domain.shipping.ShippingUnavailableException;
import dev.bookshop.domain.user.EmailAlreadyVerifiedException;
import dev.bookshop.domain.user.EmailNotVerifiedException;
import dev.bookshop.domain.user.EmailTakenException;
import dev.bookshop.domain.user.InvalidCredentialsException;
import dev.bookshop.domain.user.LastAdminException;
import dev.bookshop.domain.user.NotAdminException;
import dev.bookshop.domain.user.UserId;
import dev.bookshop.domain.user.UserInactiveException;
import dev.bookshop.domain.user.UserNotFoundException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every business refusal answers its own stable code: the web adapter maps these codes, clients branch on them. */
class ErrorCodesTest {

    private static final UserId USER = UserId.of(UUID.randomUUID());
    private static final ProductId PRODUCT = ProductId.of(UUID.randomUUID());
    private static final OrderId ORDER = OrderId.of(UUID.randomUUID());

    static Stream<Arguments> everyRefusal() {
        return Stream.of(
                Arguments.of(new InvalidValueException("bad"), ErrorCode.VALIDATION_FAILED),
                Arguments.of(ValidationException.of("email", "bad"), ErrorCode.VALIDATION_FAILED),
                Arguments.of(new EmailTakenException(), ErrorCode.EMAIL_TAKEN),
                Arguments.of(new InvalidCredentialsException(), ErrorCode.INVALID_CREDENTIALS),
                Arguments.of(new InvalidRefreshTokenException("reused"), ErrorCode.INVALID_REFRESH_TOKEN),
                Arguments.of(new UserInactiveException(USER), ErrorCode.USER_INACTIVE),
                Arguments.of(new NotAdminException(), ErrorCode.NOT_ADMIN),
                Arguments.of(new LastAdminException(), ErrorCode.LAST_ADMIN),
                Arguments.of(new UserNotFoundException(USER), ErrorCode.USER_NOT_FOUND),
                Arguments.of(
                        new SessionNotFoundException(TokenFamilyId.of(UUID.randomUUID())), ErrorCode.SESSION_NOT_FOUND),
                Arguments.of(new ProductNotFoundException("the-hobbit"), ErrorCode.PRODUCT_NOT_FOUND),
                Arguments.of(new CategoryNotFoundException("fantasy"), ErrorCode.CATEGORY_NOT_FOUND),
                Arguments.of(new CategorySlugTakenException("fantasy"), ErrorCode.CATEGORY_SLUG_TAKEN),
                Arguments.of(new CartItemNotFoundException(PRODUCT), ErrorCode.CART_ITEM_NOT_FOUND),
                Arguments.of(new OrderNotFoundException(ORDER), ErrorCode.ORDER_NOT_FOUND),
                Arguments.of(InsufficientStockException.of(PRODUCT, 2, 1), ErrorCode.INSUFFICIENT_STOCK),
                Arguments.of(new CartEmptyException(), ErrorCode.CART_EMPTY),
                Arguments.of(new ProductUnavailableException(List.of(PRODUCT)), ErrorCode.PRODUCT_UNAVAILABLE),
                Arguments.of(
                        new IllegalOrderTransitionException(ORDER, OrderStatus.PAID, OrderStatus.FAILED),
                        ErrorCode.ILLEGAL_ORDER_TRANSITION),
                Arguments.of(new IdempotencyKeyReusedException(), ErrorCode.IDEMPOTENCY_KEY_REUSED),
                Arguments.of(
                        new PaymentProviderUnavailableException("timeout"), ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE),
                Arguments.of(new QuantityLimitExceededException(PRODUCT, 51, 50), ErrorCode.QUANTITY_LIMIT_EXCEEDED),
                Arguments.of(new OrderUnitsLimitExceededException(101, 100), ErrorCode.ORDER_UNITS_LIMIT_EXCEEDED),
                Arguments.of(new TooManyPendingOrdersException(3, 3), ErrorCode.TOO_MANY_PENDING_ORDERS),
                Arguments.of(new StockBelowReservedException(PRODUCT, 1, 2), ErrorCode.STOCK_BELOW_RESERVED),
                Arguments.of(new ProductChangedException(PRODUCT, 3), ErrorCode.PRECONDITION_FAILED),
                Arguments.of(new InvalidTokenException(), ErrorCode.INVALID_TOKEN),
                Arguments.of(new EmailAlreadyVerifiedException(), ErrorCode.EMAIL_ALREADY_VERIFIED),
                Arguments.of(new EmailNotVerifiedException(), ErrorCode.EMAIL_NOT_VERIFIED),
                Arguments.of(new PageWindowExceededException(10_000), ErrorCode.PAGE_WINDOW_EXCEEDED),
                Arguments.of(
                        new AddressNotFoundException(AddressId.of(UUID.randomUUID())), ErrorCode.ADDRESS_NOT_FOUND),
                Arguments.of(new AddressBookFullException(20), ErrorCode.ADDRESS_BOOK_FULL),
                Arguments.of(
                        new ShippingMethodNotFoundException(ShippingMethodId.of(UUID.randomUUID())),
                        ErrorCode.SHIPPING_METHOD_NOT_FOUND),
                Arguments.of(new ShippingAddressRequiredException(), ErrorCode.SHIPPING_ADDRESS_REQUIRED),
                Arguments.of(new ShippingMethodRequiredException(), ErrorCode.SHIPPING_METHOD_REQUIRED),
                Arguments.of(
                        new ShippingUnavailableException(ShippingMethodId.of(UUID.randomUUID()), Optional.empty()),
                        ErrorCode.SHIPPING_UNAVAILABLE),
                Arguments.of(
                        new DiscountInvalidException(DiscountInvalidException.UNKNOWN), ErrorCode.DISCOUNT_INVALID),
                Arguments.of(new CartTokenInvalidException(), ErrorCode.CART_TOKEN_INVALID),
                Arguments.of(
                        new dev.bookshop.domain.discount.DiscountCodeTakenException("SPRING"),
                        ErrorCode.DISCOUNT_CODE_TAKEN),
                Arguments.of(
                        new dev.bookshop.domain.discount.DiscountCodeNotFoundException(
                                dev.bookshop.domain.discount.DiscountCodeId.of(UUID.randomUUID())),
                        ErrorCode.DISCOUNT_CODE_NOT_FOUND));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyRefusal")
    void eachRefusalHasItsOwnCode(DomainException refusal, ErrorCode expected) {
        assertThat(refusal.code()).isEqualTo(expected);
        assertThat(refusal.getMessage()).isNotBlank();
    }

    @Test
    void everyCodeIsAnsweredBySomeRefusal() {
        List<ErrorCode> answered =
                everyRefusal().map(a -> (ErrorCode) a.get()[1]).distinct().toList();

        assertThat(answered).containsExactlyInAnyOrderElementsOf(Arrays.asList(ErrorCode.values()));
    }

    @Test
    void refusalsCarryTheDataToExplainThemselves() {
        assertThat(new UserInactiveException(USER).userId()).isEqualTo(USER);
        assertThat(new UserNotFoundException(USER).userId()).isEqualTo(USER);
        assertThat(new ProductUnavailableException(List.of(PRODUCT)).productIds())
                .containsExactly(PRODUCT);
        assertThat(new ProductNotFoundException("the-hobbit")).hasMessageContaining("the-hobbit");
        assertThat(new OrderNotFoundException(ORDER)).hasMessageContaining(ORDER.toString());
    }

    @Test
    void refusalsAreCheapNoStackTraceIsFilledIn() {
        // Refusals are expected outcomes, not bugs: DomainException switches the stack trace off.
        assertThat(new EmailTakenException().getStackTrace()).isEmpty();
    }

    @Test
    void codesKeepTheirNamesForClients() {
        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name))
                .containsExactlyInAnyOrder(
                        "VALIDATION_FAILED",
                        "EMAIL_TAKEN",
                        "INVALID_CREDENTIALS",
                        "INVALID_REFRESH_TOKEN",
                        "USER_INACTIVE",
                        "NOT_ADMIN",
                        "LAST_ADMIN",
                        "USER_NOT_FOUND",
                        "SESSION_NOT_FOUND",
                        "PRODUCT_NOT_FOUND",
                        "CATEGORY_NOT_FOUND",
                        "CATEGORY_SLUG_TAKEN",
                        "CART_ITEM_NOT_FOUND",
                        "ORDER_NOT_FOUND",
                        "INSUFFICIENT_STOCK",
                        "CART_EMPTY",
                        "PRODUCT_UNAVAILABLE",
                        "ILLEGAL_ORDER_TRANSITION",
                        "IDEMPOTENCY_KEY_REUSED",
                        "PAYMENT_PROVIDER_UNAVAILABLE",
                        "QUANTITY_LIMIT_EXCEEDED",
                        "ORDER_UNITS_LIMIT_EXCEEDED",
                        "TOO_MANY_PENDING_ORDERS",
                        "STOCK_BELOW_RESERVED",
                        "PRECONDITION_FAILED",
                        "INVALID_TOKEN",
                        "EMAIL_ALREADY_VERIFIED",
                        "EMAIL_NOT_VERIFIED",
                        "PAGE_WINDOW_EXCEEDED",
                        "ADDRESS_NOT_FOUND",
                        "ADDRESS_BOOK_FULL",
                        "SHIPPING_METHOD_NOT_FOUND",
                        "SHIPPING_ADDRESS_REQUIRED",
                        "SHIPPING_METHOD_REQUIRED",
                        "SHIPPING_UNAVAILABLE",
                        "DISCOUNT_INVALID",
                        "CART_TOKEN_INVALID",
                        "DISCOUNT_CODE_TAKEN",
                        "DISCOUNT_CODE_NOT_FOUND");
    }
}
