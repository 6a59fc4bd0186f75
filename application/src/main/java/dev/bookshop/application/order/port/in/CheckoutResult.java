package dev.bookshop.application.order.port.in;

import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderStatus;
import java.util.Objects;
import java.util.Optional;

/** The order a checkout placed (or replayed), and where its payment stands. */
public record CheckoutResult(Order order, Payment payment, boolean replayed) {

    public CheckoutResult {
        Objects.requireNonNull(order);
        Objects.requireNonNull(payment);
    }

    /** Where the payment stands, as the order's status says. */
    public enum PaymentStatus {
        SUCCEEDED,
        PENDING,
        FAILED;

        public static PaymentStatus of(OrderStatus status) {
            return switch (status) {
                case PAID -> SUCCEEDED;
                case PENDING -> PENDING;
                case FAILED -> FAILED;
            };
        }
    }

    public record Payment(String provider, PaymentStatus status, Optional<String> clientSecret) {
        public Payment {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(status);
            Objects.requireNonNull(clientSecret);
        }
    }
}
