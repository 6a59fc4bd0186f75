package dev.bookshop.adapters.payments.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.payment.port.out.PaymentCancellation;
import dev.bookshop.application.payment.port.out.PaymentRequest;
import dev.bookshop.application.payment.port.out.PaymentSession;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.OrderId;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FakePaymentGatewayTest {

    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final Currency eur = Currency.getInstance("EUR");

    @Test
    void capturesEveryPaymentAtOnce() {
        PaymentSession session = gateway.startPayment(
                new PaymentRequest(new OrderId(UUID.randomUUID()), Money.ofCents(1999), eur, "order-1"));

        assertThat(session.status()).isEqualTo(PaymentSession.Status.SUCCEEDED);
        assertThat(session.clientSecret()).isEmpty();
        assertThat(gateway.provider()).isEqualTo("fake");
    }

    @Test
    void aRetriedStartWithTheSameKeyAnswersTheSameReference() {
        OrderId order = new OrderId(UUID.randomUUID());
        PaymentRequest request = new PaymentRequest(order, Money.ofCents(500), eur, "order-" + order);

        assertThat(gateway.startPayment(request).reference())
                .isEqualTo(gateway.startPayment(request).reference())
                .isNotEqualTo(gateway.startPayment(new PaymentRequest(order, Money.ofCents(500), eur, "other"))
                        .reference());
    }

    @Test
    void remembersRefunds() {
        gateway.refund("fake_order-1", Money.ofCents(500), eur, "refund-1");

        assertThat(gateway.refunded("refund-1")).isTrue();
        assertThat(gateway.refunded("refund-2")).isFalse();
    }

    @Test
    void cancelsAtOnce() {
        assertThat(gateway.cancel("fake_order-1", "cancel-1")).isEqualTo(new PaymentCancellation.Canceled());
        assertThat(gateway.canceled("cancel-1")).isTrue();
        assertThat(gateway.canceled("cancel-2")).isFalse();
    }
}
