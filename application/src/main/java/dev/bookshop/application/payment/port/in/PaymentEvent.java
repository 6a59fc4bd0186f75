package dev.bookshop.application.payment.port.in;

import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.OrderId;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/** An outcome reported by the payment provider, already authenticated by the adapter that received it. */
public record PaymentEvent(
        String provider,
        String eventId,
        Type type,
        String paymentReference,
        Optional<OrderId> orderId,
        Money amount,
        Currency currency) {

    public enum Type {
        SUCCEEDED,
        FAILED,
        CANCELED,
        /** Any other event: recorded, changes nothing. */
        OTHER
    }

    public PaymentEvent {
        Objects.requireNonNull(provider);
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(paymentReference);
        Objects.requireNonNull(orderId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(currency);
    }
}
