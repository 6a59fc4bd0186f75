package dev.bookshop.adapters.persistence.contract.usecases.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.adapters.persistence.contract.usecases.FastPasswordHasher;
import dev.bookshop.adapters.persistence.contract.usecases.MutableClock;
import dev.bookshop.adapters.persistence.contract.usecases.RecordingMailer;
import dev.bookshop.adapters.persistence.contract.usecases.ScriptedPaymentGateway;
import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.catalog.port.in.NewProduct;
import dev.bookshop.application.order.port.in.CheckoutResult;
import dev.bookshop.application.payment.port.in.PaymentEvent;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.application.shared.service.BookshopServices;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.order.PurchaseLimits;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The use cases that keep one account from holding stock it does not pay for: the purchase limits at cart and
 * checkout, declined cards that leave the payment open, payments the expiry sweep closes at the provider before the
 * stock goes back, and payments the shop cannot keep. Subclass it once per persistence adapter, like
 * every feature suite.
 */
public abstract class UnpaidOrderUseCases {

    private static final String PASSWORD = "correct horse battery";
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Duration PAYMENT_TIMEOUT = Duration.ofMinutes(30);

    protected PersistencePorts store;
    protected UseCases shop;
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    protected final ScriptedPaymentGateway payments = new ScriptedPaymentGateway();
    protected final RecordingMailer mailer = new RecordingMailer();
    private User admin;

    /** A fresh, empty store for this test. */
    protected abstract PersistencePorts newPorts();

    @BeforeEach
    void openShop() {
        store = newPorts();
        shop = BookshopServices.create(
                store,
                new FastPasswordHasher(),
                payments,
                mailer,
                clock,
                IdGenerator.random(),
                TokenGenerator.secureRandom(),
                new ShopSettings(EUR, Duration.ofDays(30), PAYMENT_TIMEOUT, new PurchaseLimits(50, 100, 3)));
        admin = shop.ensureAdmin().ensureAdmin(email("admin"), Password.chosen(PASSWORD));
        payments.answer(ScriptedPaymentGateway.Mode.AWAIT_CUSTOMER);
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    private static Email email(String who) {
        return Email.of(who + "-" + UUID.randomUUID() + "@example.com");
    }

    private User customer() {
        return shop.signUp().signUp(email("reader"), Password.chosen(PASSWORD));
    }

    private Product book(int stock) {
        return shop.adminCatalog()
                .createProduct(
                        admin.id(),
                        new NewProduct(
                                new BookDetails(
                                        "Shelf " + UUID.randomUUID(),
                                        "Test Author",
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty()),
                                Price.ofCents(1000),
                                Stock.of(stock),
                                Set.of()));
    }

    private void add(User user, Product book, int quantity) {
        shop.addToCart().addToCart(user.id(), book.id(), Quantity.of(quantity));
    }

    private Order checkout(User user) {
        CheckoutResult result = shop.checkout().checkout(user.id(), Optional.empty());
        return order(result.order());
    }

    private Order order(Order order) {
        return store.orders().findById(order.id()).orElseThrow();
    }

    private int stockOf(Product book) {
        return store.products().findById(book.id()).orElseThrow().stock();
    }

    private List<OrderEventType> trail(Order order) {
        return store.orderEvents().findByOrder(order.id()).stream()
                .map(OrderEvent::type)
                .toList();
    }

    private static PaymentEvent event(PaymentEvent.Type type, Order order) {
        return event(type, order, order.total(), EUR);
    }

    private static PaymentEvent event(PaymentEvent.Type type, Order order, Money amount, Currency currency) {
        return new PaymentEvent(
                "scripted",
                "evt_" + UUID.randomUUID(),
                type,
                order.paymentReference().orElseThrow(),
                Optional.of(order.id()),
                amount,
                currency);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(code);
    }

    // ---- purchase limits ------------------------------------------------------------------------------------

    @Nested
    class Limits {

        @Test
        void aCartLineHoldsAtMostTheLineLimitWhateverTheStock() {
            User hoarder = customer();
            Product shelf = book(500);
            add(hoarder, shelf, 50);

            assertRefused(() -> add(hoarder, shelf, 1), ErrorCode.QUANTITY_LIMIT_EXCEEDED);
            assertRefused(() -> add(customer(), shelf, 51), ErrorCode.QUANTITY_LIMIT_EXCEEDED);
            assertThat(shop.getCart().getCart(hoarder.id()).items())
                    .singleElement()
                    .satisfies(line -> assertThat(line.quantity()).isEqualTo(50));
        }

        @Test
        void anOrderOverTheUnitLimitIsRefusedAndTakesNoStock() {
            User hoarder = customer();
            Product first = book(60);
            Product second = book(60);
            Product third = book(60);
            add(hoarder, first, 50);
            add(hoarder, second, 50);
            add(hoarder, third, 1);

            assertRefused(() -> checkout(hoarder), ErrorCode.ORDER_UNITS_LIMIT_EXCEEDED);
            assertThat(List.of(stockOf(first), stockOf(second), stockOf(third))).containsOnly(60);
            assertThat(store.orders().countPendingByUser(hoarder.id())).isZero();

            shop.removeFromCart().removeFromCart(hoarder.id(), third.id(), Optional.empty());
            assertThat(checkout(hoarder).items()).hasSize(2);
        }

        @Test
        void aFourthUnpaidOrderIsRefusedUntilOneIsPaidOrFails() {
            User hoarder = customer();
            Product shelf = book(100);
            List<Order> pending = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                add(hoarder, shelf, 1);
                pending.add(checkout(hoarder));
            }
            add(hoarder, shelf, 1);

            assertRefused(() -> checkout(hoarder), ErrorCode.TOO_MANY_PENDING_ORDERS);
            assertThat(stockOf(shelf)).isEqualTo(97);
            // Another customer is not affected.
            User other = customer();
            add(other, shelf, 1);
            assertThat(checkout(other).status()).isEqualTo(OrderStatus.PENDING);

            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.SUCCEEDED, pending.getFirst()));
            assertThat(checkout(hoarder).status()).isEqualTo(OrderStatus.PENDING);
            assertRefused(
                    () -> {
                        add(hoarder, shelf, 1);
                        checkout(hoarder);
                    },
                    ErrorCode.TOO_MANY_PENDING_ORDERS);
        }

        @Test
        void aReplayedKeyStillAnswersItsOrderAtTheLimit() {
            User hoarder = customer();
            Product shelf = book(10);
            var key = new IdempotencyKey("retry-" + UUID.randomUUID());
            add(hoarder, shelf, 1);
            CheckoutResult first = shop.checkout().checkout(hoarder.id(), Optional.of(key));
            for (int i = 0; i < 2; i++) {
                add(hoarder, shelf, 1);
                checkout(hoarder);
            }

            CheckoutResult replay = shop.checkout().checkout(hoarder.id(), Optional.of(key));

            assertThat(replay.replayed()).isTrue();
            assertThat(replay.order().id()).isEqualTo(first.order().id());
        }
    }

    // ---- declined cards, cancellation, wrong amounts --------------------------------------------------------

    @Nested
    class Outcomes {

        @Test
        void aDeclinedCardLeavesTheOrderPendingAndALaterSuccessPaysItWithoutRefund() {
            User buyer = customer();
            Product shelf = book(5);
            add(buyer, shelf, 2);
            Order pending = checkout(buyer);

            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.FAILED, pending));

            assertThat(order(pending).status()).isEqualTo(OrderStatus.PENDING);
            assertThat(stockOf(shelf)).isEqualTo(3);
            assertThat(trail(pending)).endsWith(OrderEventType.PAYMENT_DECLINED);

            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.SUCCEEDED, pending));

            assertThat(order(pending).status()).isEqualTo(OrderStatus.PAID);
            assertThat(stockOf(shelf)).isEqualTo(3);
            assertThat(payments.refunds()).isEmpty();
            assertThat(trail(pending)).endsWith(OrderEventType.PAYMENT_DECLINED, OrderEventType.PAID);
        }

        @Test
        void aCancelledPaymentFailsTheOrderAndReturnsItsStockOnce() {
            User buyer = customer();
            Product shelf = book(5);
            add(buyer, shelf, 2);
            Order pending = checkout(buyer);

            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.CANCELED, pending));
            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.CANCELED, pending));

            assertThat(order(pending).status()).isEqualTo(OrderStatus.FAILED);
            assertThat(stockOf(shelf)).isEqualTo(5);
        }

        @Test
        void aSuccessForTheWrongAmountIsRefundedAndRecordedAndTheSweepEndsTheOrder() {
            User buyer = customer();
            Product shelf = book(5);
            add(buyer, shelf, 2);
            Order pending = checkout(buyer);
            PaymentEvent shortChange = event(PaymentEvent.Type.SUCCEEDED, pending, Money.ofCents(1), EUR);

            shop.handlePaymentEvent().handle(shortChange);
            shop.handlePaymentEvent().handle(shortChange);

            assertThat(payments.refunds())
                    .containsExactly(pending.paymentReference().orElseThrow());
            assertThat(order(pending).status()).isEqualTo(OrderStatus.PENDING);
            assertThat(trail(pending)).endsWith(OrderEventType.AMOUNT_MISMATCH, OrderEventType.REFUNDED);

            // The payment is spent: cancelling it answers that it succeeded, for the wrong amount.
            payments.succeedBeforeCancel(pending.paymentReference().orElseThrow(), Money.ofCents(1), EUR);
            clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));
            assertThat(shop.expirePendingOrders().expireOverdueOrders()).isEqualTo(1);

            assertThat(order(pending).status()).isEqualTo(OrderStatus.FAILED);
            assertThat(stockOf(shelf)).isEqualTo(5);
            assertThat(payments.refunds()).hasSize(1);
            assertThat(shop.deliverMail().deliverDueMail()).isZero();
        }

        @Test
        void aWrongAmountRefundTheProviderRefusesIsTriedAgainByTheRedelivery() {
            User buyer = customer();
            Product shelf = book(5);
            add(buyer, shelf, 1);
            Order pending = checkout(buyer);
            PaymentEvent wrongCurrency =
                    event(PaymentEvent.Type.SUCCEEDED, pending, pending.total(), Currency.getInstance("USD"));
            payments.answer(ScriptedPaymentGateway.Mode.DOWN);

            assertRefused(
                    () -> shop.handlePaymentEvent().handle(wrongCurrency), ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);
            assertThat(order(pending).status()).isEqualTo(OrderStatus.PENDING);

            payments.answer(ScriptedPaymentGateway.Mode.AWAIT_CUSTOMER);
            shop.handlePaymentEvent().handle(wrongCurrency);
            shop.handlePaymentEvent().handle(wrongCurrency);

            assertThat(payments.refunds()).hasSize(1);
            assertThat(trail(pending))
                    .containsSubsequence(
                            OrderEventType.REFUND_FAILED, OrderEventType.AMOUNT_MISMATCH, OrderEventType.REFUNDED)
                    .containsOnlyOnce(OrderEventType.REFUNDED);
        }
    }

    // ---- the expiry sweep -----------------------------------------------------------------------------------

    @Nested
    class Expiry {

        @Test
        void theSweepCancelsThePaymentBeforeItReturnsTheStockOnce() {
            User buyer = customer();
            Product shelf = book(5);
            add(buyer, shelf, 2);
            Order pending = checkout(buyer);
            clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));

            assertThat(shop.expirePendingOrders().expireOverdueOrders()).isEqualTo(1);
            assertThat(shop.expirePendingOrders().expireOverdueOrders()).isZero();
            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.CANCELED, pending));

            assertThat(payments.cancels())
                    .containsExactly(pending.paymentReference().orElseThrow());
            assertThat(order(pending).status()).isEqualTo(OrderStatus.FAILED);
            assertThat(stockOf(shelf)).isEqualTo(5);
            assertThat(trail(pending)).containsOnlyOnce(OrderEventType.EXPIRED);
        }

        @Test
        void aPaymentThatSucceededBeforeItCouldBeCancelledPaysTheOrderAndKeepsItsStockSold() {
            User buyer = customer();
            Product shelf = book(5);
            add(buyer, shelf, 2);
            Order pending = checkout(buyer);
            payments.succeedBeforeCancel(pending.paymentReference().orElseThrow(), pending.total(), EUR);
            clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));

            assertThat(shop.expirePendingOrders().expireOverdueOrders()).isZero();
            // The provider's own success event comes too, late: nothing happens twice.
            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.SUCCEEDED, pending));

            assertThat(order(pending).status()).isEqualTo(OrderStatus.PAID);
            assertThat(stockOf(shelf)).isEqualTo(3);
            assertThat(payments.refunds()).isEmpty();
            assertThat(trail(pending)).containsOnlyOnce(OrderEventType.PAID).doesNotContain(OrderEventType.EXPIRED);
            assertThat(shop.deliverMail().deliverDueMail()).isEqualTo(1);
        }

        @Test
        void anOrderWhosePaymentCannotBeCancelledKeepsItsStockUntilTheNextSweep() {
            User buyer = customer();
            Product shelf = book(5);
            add(buyer, shelf, 2);
            Order pending = checkout(buyer);
            clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));
            payments.answer(ScriptedPaymentGateway.Mode.DOWN);

            assertThat(shop.expirePendingOrders().expireOverdueOrders()).isZero();
            assertThat(order(pending).status()).isEqualTo(OrderStatus.PENDING);
            assertThat(stockOf(shelf)).isEqualTo(3);

            payments.answer(ScriptedPaymentGateway.Mode.AWAIT_CUSTOMER);
            assertThat(shop.expirePendingOrders().expireOverdueOrders()).isEqualTo(1);
            assertThat(stockOf(shelf)).isEqualTo(5);
        }

        @Test
        void anOrderThatNeverGotAPaymentReferenceExpiresWithoutAProviderCall() {
            User buyer = customer();
            Product shelf = book(5);
            add(buyer, shelf, 2);
            payments.answer(ScriptedPaymentGateway.Mode.DOWN);
            // The provider was down at checkout: the order failed at once and has no reference to cancel.
            assertRefused(() -> checkout(buyer), ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);
            clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));

            assertThat(shop.expirePendingOrders().expireOverdueOrders()).isZero();
            assertThat(payments.cancels()).isEmpty();
            assertThat(stockOf(shelf)).isEqualTo(5);
        }
    }
}
