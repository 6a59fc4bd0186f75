package dev.bookshop.domain.order;

import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.cart.QuantityLimitExceededException;

/**
 * How much stock one customer may hold without paying: copies per cart line, copies per order, and unpaid orders at
 * once. Without them a free account could reserve every copy of every book and keep it reserved by checking out
 * again after each expiry.
 */
public record PurchaseLimits(int maxLineQuantity, int maxOrderUnits, int maxPendingOrders) {

    public PurchaseLimits {
        requirePositive(maxLineQuantity, "max line quantity");
        requirePositive(maxOrderUnits, "max order units");
        requirePositive(maxPendingOrders, "max pending orders");
    }

    public static PurchaseLimits defaults() {
        return new PurchaseLimits(50, 100, 3);
    }

    /** Refuses a cart whose copies together exceed what one order may hold. */
    public void requireOrderable(Cart cart) {
        long units =
                cart.lines().stream().mapToLong(line -> line.quantity().value()).sum();
        if (units > maxOrderUnits) {
            throw new OrderUnitsLimitExceededException((int) Math.min(units, Integer.MAX_VALUE), maxOrderUnits);
        }
        // A line over the line limit (the limit lowered since it was added) is refused here too.
        for (CartLine line : cart.lines()) {
            if (line.quantity().value() > maxLineQuantity) {
                throw new QuantityLimitExceededException(
                        line.productId(), line.quantity().value(), maxLineQuantity);
            }
        }
    }

    /** Refuses another order when the customer already has {@code pending} unpaid ones. */
    public void requireRoomForAnotherPendingOrder(long pending) {
        if (pending >= maxPendingOrders) {
            throw new TooManyPendingOrdersException(pending, maxPendingOrders);
        }
    }

    private static void requirePositive(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1");
        }
    }
}
