package dev.bookshop.application.cart.port.out;

import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.user.UserId;
import java.util.Optional;

/** What a discount code takes off a cart's goods now: the discount feature answers it. */
public interface DiscountPricing {

    /**
     * What {@code code} takes off {@code goods}, checking the per-customer limit when the customer is known.
     *
     * @throws dev.bookshop.domain.order.DiscountInvalidException with the reason it takes nothing off
     */
    Money amountOff(String code, Money goods, Optional<UserId> customer);

    /** As {@link #amountOff}, answering empty rather than refusing. */
    default Optional<Money> currentAmountOff(String code, Money goods, Optional<UserId> customer) {
        try {
            return Optional.of(amountOff(code, goods, customer));
        } catch (dev.bookshop.domain.order.DiscountInvalidException e) {
            return Optional.empty();
        }
    }
}
