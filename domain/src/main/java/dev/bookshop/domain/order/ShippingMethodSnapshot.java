package dev.bookshop.domain.order;

import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Text;
import dev.bookshop.domain.shipping.ShippingMethod;
import java.util.Objects;

/**
 * The shipping method an order was sent with, as it was at checkout: its name and its list price. What the order was
 * charged for shipping is in its amounts (nothing, when the goods reached the method's free threshold), so the two
 * together show the free shipping given. A later edit or retirement of the method never changes this copy.
 */
public record ShippingMethodSnapshot(String name, Money price) {

    public ShippingMethodSnapshot {
        name = Text.required(name, "name", ShippingMethod.MAX_NAME_LENGTH);
        Objects.requireNonNull(price, "price");
    }

    public static ShippingMethodSnapshot of(ShippingMethod method) {
        return new ShippingMethodSnapshot(method.name(), method.price());
    }
}
