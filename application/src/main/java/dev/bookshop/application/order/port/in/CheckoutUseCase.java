package dev.bookshop.application.order.port.in;

import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.user.UserId;
import java.util.Optional;

/**
 * Turns the caller's cart into an order and starts its payment. In one transaction: the request is checked (address,
 * shipping method, discount), stock is taken for every line (or for none), the order and its snapshots are written
 * and the cart is emptied; the payment provider is called only after that commits, for exactly the order's total.
 * With an idempotency key, a repeat replays the first answer; the same key with a different cart or different choices
 * is {@code IDEMPOTENCY_KEY_REUSED}.
 */
public interface CheckoutUseCase {

    CheckoutResult checkout(UserId userId, CheckoutRequest request, Optional<IdempotencyKey> idempotencyKey);

    /** A checkout with no choices: enough for a shop without shipping. */
    default CheckoutResult checkout(UserId userId, Optional<IdempotencyKey> idempotencyKey) {
        return checkout(userId, CheckoutRequest.NONE, idempotencyKey);
    }
}
