package dev.bookshop.application.order.port.in;

import dev.bookshop.domain.order.Order;
import java.util.Objects;
import java.util.Optional;

/** The order a checkout placed (or replayed), and where its payment stands. */
public record CheckoutResult(Order order, Payment payment, boolean replayed) {

    public CheckoutResult {
        Objects.requireNonNull(order);
        Objects.requireNonNull(payment);
    }

    /** {@code status} is {@code succeeded}, {@code pending} or {@code failed}. */
    public record Payment(String provider, String status, Optional<String> clientSecret) {
        public Payment {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(status);
            Objects.requireNonNull(clientSecret);
        }
    }
}
