package dev.bookshop.application.port.out;

import java.util.Objects;

/**
 * Everything one persistence adapter provides, as one bundle: the composition root picks an adapter and hands its
 * bundle to the services; the contract suite runs the same cases against every adapter's bundle.
 */
public record PersistencePorts(
        TransactionRunner transactions,
        UserRepository users,
        RefreshTokenRepository refreshTokens,
        CategoryRepository categories,
        ProductRepository products,
        CartRepository carts,
        OrderRepository orders,
        OrderEventRepository orderEvents,
        IdempotencyRepository idempotency,
        ProcessedEventRepository processedEvents,
        MailOutbox mailOutbox) {

    public PersistencePorts {
        Objects.requireNonNull(transactions);
        Objects.requireNonNull(users);
        Objects.requireNonNull(refreshTokens);
        Objects.requireNonNull(categories);
        Objects.requireNonNull(products);
        Objects.requireNonNull(carts);
        Objects.requireNonNull(orders);
        Objects.requireNonNull(orderEvents);
        Objects.requireNonNull(idempotency);
        Objects.requireNonNull(processedEvents);
        Objects.requireNonNull(mailOutbox);
    }
}
