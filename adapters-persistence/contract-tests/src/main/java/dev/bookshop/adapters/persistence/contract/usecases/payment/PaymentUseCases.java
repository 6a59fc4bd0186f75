package dev.bookshop.adapters.persistence.contract.usecases.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.ScriptedPaymentGateway;
import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.payment.port.in.PaymentEvent;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.User;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the payment provider's events do to a pending order: paid, failed, mismatched, late. Every adapter subclasses it once; each test makes its own users and books.
 */
public abstract class PaymentUseCases extends UseCaseTestBase {

    private User user;
    private Product book;
    private Order pending;

    @BeforeEach
    void placePendingOrder() {
        user = customer();
        book = book("Awaiting", 1500, 5);
        pending = pendingOrder(user, book, 2);
    }

    @Test
    void successPaysTheOrderOnceAndQueuesOneMail() {
        PaymentEvent succeeded = paymentEvent(
                PaymentEvent.Type.SUCCEEDED, pending, pending.paymentReference().orElseThrow());

        shop.handlePaymentEvent().handle(succeeded);
        shop.handlePaymentEvent().handle(succeeded);

        Order paid = reread(pending);
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.paidAt()).contains(clock.instant());
        assertThat(shop.deliverMail().deliverDueMail()).isEqualTo(1);
        assertThat(mailer.sent()).hasSize(1);
    }

    @Test
    void failureFailsTheOrderAndReturnsStockExactlyOnce() {
        String reference = pending.paymentReference().orElseThrow();

        shop.handlePaymentEvent().handle(paymentEvent(PaymentEvent.Type.FAILED, pending, reference));
        shop.handlePaymentEvent().handle(paymentEvent(PaymentEvent.Type.CANCELED, pending, reference));

        assertThat(reread(pending).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(stockOf(book)).isEqualTo(5);
    }

    @Test
    void aFailureAfterPaymentChangesNothing() {
        String reference = pending.paymentReference().orElseThrow();
        shop.handlePaymentEvent().handle(paymentEvent(PaymentEvent.Type.SUCCEEDED, pending, reference));

        shop.handlePaymentEvent().handle(paymentEvent(PaymentEvent.Type.FAILED, pending, reference));

        assertThat(reread(pending).status()).isEqualTo(OrderStatus.PAID);
        assertThat(stockOf(book)).isEqualTo(3);
    }

    @Test
    void anEventThatBeatsTheStoredReferenceIsMatchedByOrderId() {
        PaymentEvent early = paymentEvent(
                PaymentEvent.Type.SUCCEEDED, "pi_not_yet_stored", Optional.of(pending.id()), pending.total(), EUR);

        shop.handlePaymentEvent().handle(early);

        assertThat(reread(pending).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aSuccessForTheWrongAmountOrCurrencyIsNotHonoured() {
        String reference = pending.paymentReference().orElseThrow();
        shop.handlePaymentEvent()
                .handle(paymentEvent(
                        PaymentEvent.Type.SUCCEEDED, reference, Optional.of(pending.id()), Money.ofCents(1), EUR));
        shop.handlePaymentEvent()
                .handle(paymentEvent(
                        PaymentEvent.Type.SUCCEEDED,
                        reference,
                        Optional.of(pending.id()),
                        pending.total(),
                        Currency.getInstance("USD")));

        assertThat(reread(pending).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(store.orderEvents().findByOrder(pending.id()))
                .extracting(e -> e.type())
                .contains(OrderEventType.AMOUNT_MISMATCH);
    }

    @Test
    void eventsForUnknownOrdersAndOtherTypesChangeNothing() {
        shop.handlePaymentEvent()
                .handle(paymentEvent(
                        PaymentEvent.Type.SUCCEEDED, "pi_unknown", Optional.empty(), Money.ofCents(100), EUR));
        shop.handlePaymentEvent()
                .handle(paymentEvent(
                        PaymentEvent.Type.OTHER,
                        pending,
                        pending.paymentReference().orElseThrow()));

        assertThat(reread(pending).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void aPaymentThatArrivesAfterExpiryIsRefundedAndRecorded() {
        clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));
        shop.expirePendingOrders().expireOverdueOrders();
        String reference = pending.paymentReference().orElseThrow();

        shop.handlePaymentEvent().handle(paymentEvent(PaymentEvent.Type.SUCCEEDED, pending, reference));

        assertThat(reread(pending).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(payments.refunds()).containsExactly(reference);
        assertThat(store.orderEvents().findByOrder(pending.id()))
                .extracting(e -> e.type())
                .contains(OrderEventType.EXPIRED, OrderEventType.PAYMENT_AFTER_EXPIRY, OrderEventType.REFUNDED);
        assertThat(stockOf(book)).isEqualTo(5);
    }

    @Test
    void aRefundTheProviderRefusesIsRetriedByTheRedeliveryAndMadeOnce() {
        clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));
        shop.expirePendingOrders().expireOverdueOrders();
        PaymentEvent late = paymentEvent(
                PaymentEvent.Type.SUCCEEDED, pending, pending.paymentReference().orElseThrow());
        payments.answer(ScriptedPaymentGateway.Mode.DOWN);

        assertRefused(() -> shop.handlePaymentEvent().handle(late), ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);
        assertThat(store.processedEvents().isProcessed(late.provider(), late.eventId()))
                .isFalse();

        payments.answer(ScriptedPaymentGateway.Mode.APPROVE);
        shop.handlePaymentEvent().handle(late);
        shop.handlePaymentEvent().handle(late);

        assertThat(payments.refunds()).hasSize(1);
        assertThat(store.orderEvents().findByOrder(pending.id()))
                .extracting(e -> e.type())
                .containsSubsequence(OrderEventType.REFUND_FAILED, OrderEventType.REFUNDED)
                .containsOnlyOnce(OrderEventType.REFUNDED);
        assertThat(reread(pending).status()).isEqualTo(OrderStatus.FAILED);
    }
}
