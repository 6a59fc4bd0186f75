package dev.bookshop.adapters.persistence.contract.usecases.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.ScriptedPaymentGateway;
import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.order.port.in.CheckoutResult;
import dev.bookshop.application.payment.port.in.PaymentEvent;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.order.PurchaseLimits;
import dev.bookshop.domain.user.User;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The use cases that keep one account from holding stock it does not pay for: the purchase limits at cart and
 * checkout, declined cards that leave the payment open, payments the expiry sweep closes at the provider before the
 * stock goes back, and payments the shop cannot keep. Subclass it once per persistence adapter, like
 * every feature suite.
 */
public abstract class UnpaidOrderUseCases extends UseCaseTestBase {

    @BeforeEach
    void customersTakeTheirTime() {
        // The purchase limits under test are the shop's defaults: 50 per line, 100 per order, 3 unpaid orders.
        assertThat(settings().purchaseLimits()).isEqualTo(new PurchaseLimits(50, 100, 3));
        payments.answer(ScriptedPaymentGateway.Mode.AWAIT_CUSTOMER);
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    private Product book(int stock) {
        return book("Shelf", 1000, stock);
    }

    private Order placeOrder(User user) {
        return orderOf(shop.checkout().checkout(user.id(), Optional.empty()));
    }

    private Order order(Order order) {
        return reread(order);
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
        return paymentEvent(type, order.paymentReference().orElseThrow(), Optional.of(order.id()), amount, currency);
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

            assertRefused(() -> placeOrder(hoarder), ErrorCode.ORDER_UNITS_LIMIT_EXCEEDED);
            assertThat(List.of(stockOf(first), stockOf(second), stockOf(third))).containsOnly(60);
            assertThat(store.orders().countPendingByUser(hoarder.id())).isZero();

            shop.removeFromCart().removeFromCart(hoarder.id(), third.id(), Optional.empty());
            assertThat(placeOrder(hoarder).items()).hasSize(2);
        }

        @Test
        void aFourthUnpaidOrderIsRefusedUntilOneIsPaidOrFails() {
            User hoarder = customer();
            Product shelf = book(100);
            List<Order> pending = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                add(hoarder, shelf, 1);
                pending.add(placeOrder(hoarder));
            }
            add(hoarder, shelf, 1);

            assertRefused(() -> placeOrder(hoarder), ErrorCode.TOO_MANY_PENDING_ORDERS);
            assertThat(stockOf(shelf)).isEqualTo(97);
            // Another customer is not affected.
            User other = customer();
            add(other, shelf, 1);
            assertThat(placeOrder(other).status()).isEqualTo(OrderStatus.PENDING);

            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.SUCCEEDED, pending.getFirst()));
            assertThat(placeOrder(hoarder).status()).isEqualTo(OrderStatus.PENDING);
            assertRefused(
                    () -> {
                        add(hoarder, shelf, 1);
                        placeOrder(hoarder);
                    },
                    ErrorCode.TOO_MANY_PENDING_ORDERS);
        }

        @Test
        void aReplayedKeyStillAnswersItsOrderAtTheLimit() {
            User hoarder = customer();
            Product shelf = book(10);
            var key = freshKey("retry");
            add(hoarder, shelf, 1);
            CheckoutResult first = shop.checkout().checkout(hoarder.id(), Optional.of(key));
            for (int i = 0; i < 2; i++) {
                add(hoarder, shelf, 1);
                placeOrder(hoarder);
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
            Order pending = placeOrder(buyer);

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
            Order pending = placeOrder(buyer);

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
            Order pending = placeOrder(buyer);
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
            Order pending = placeOrder(buyer);
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
            Order pending = placeOrder(buyer);
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
            Order pending = placeOrder(buyer);
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
            Order pending = placeOrder(buyer);
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
            assertRefused(() -> placeOrder(buyer), ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);
            clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));

            assertThat(shop.expirePendingOrders().expireOverdueOrders()).isZero();
            assertThat(payments.cancels()).isEmpty();
            assertThat(stockOf(shelf)).isEqualTo(5);
        }
    }
}
