package dev.bookshop.application.payment.port.out;

import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.OrderId;
import java.util.Currency;
import java.util.Objects;

/** What to charge for one order. */
public record PaymentRequest(OrderId orderId, Money amount, Currency currency, String idempotencyKey) {
    public PaymentRequest {
        Objects.requireNonNull(orderId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(currency);
        Objects.requireNonNull(idempotencyKey);
    }
}
