package dev.bookshop.application.discount.service;

import dev.bookshop.application.cart.port.out.DiscountPricing;
import dev.bookshop.application.discount.port.out.DiscountCodeRepository;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.discount.CodeText;
import dev.bookshop.domain.discount.DiscountCode;
import dev.bookshop.domain.order.DiscountInvalidException;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Checking, redeeming and giving back discount codes. The code decides whether it applies; this finds it, counts the
 * customer's redemptions and records them. Every method runs inside the caller's transaction.
 */
public final class DiscountRedemptions implements DiscountPricing {

    private final DiscountCodeRepository codes;
    private final Clock clock;

    public DiscountRedemptions(DiscountCodeRepository codes, Clock clock) {
        this.codes = Objects.requireNonNull(codes);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A code that applies to a checkout, with what it takes off, held locked until the checkout's transaction ends. */
    public record Reserved(DiscountCode code, Money amount) {}

    /** Checks only (a cart's view, a quote): nothing is locked or written. */
    @Override
    public Money amountOff(String code, Money goods, Optional<UserId> customer) {
        DiscountCode found = known(code).flatMap(codes::findByCode).orElseThrow(DiscountRedemptions::unknown);
        return found.amountOff(goods, clock.instant(), customer.map(c -> codes.countRedemptionsBy(found.id(), c)));
    }

    /**
     * Locks the code and checks it for this customer's checkout; {@link #redeem} records it once the order exists.
     * Under the lock no other checkout with this code can count or redeem, so the limits hold under any concurrency.
     */
    public Reserved reserve(String code, Money goods, UserId customer) {
        // A refusal first without the lock: once a code is used up, the many checkouts still trying it are turned
        // away without queueing behind the ones that redeem it. Only the locked check below can grant it.
        amountOff(code, goods, Optional.of(customer));
        DiscountCode found = known(code).flatMap(codes::findByCodeForUpdate).orElseThrow(DiscountRedemptions::unknown);
        Money amount =
                found.amountOff(goods, clock.instant(), Optional.of(codes.countRedemptionsBy(found.id(), customer)));
        return new Reserved(found, amount);
    }

    /** Records the order placed with a reserved code. */
    public void redeem(Reserved reserved, OrderId order, UserId customer, Instant at) {
        codes.insertRedemption(reserved.code().id(), order, customer, at);
    }

    /**
     * Gives the order's redemption back, once: a failed or cancelled order no longer counts against the code's
     * limits. Answers whether there was one to give back. Call in the transaction that moves the order.
     */
    public boolean giveBack(OrderId order) {
        return codes.deleteRedemption(order);
    }

    private static Optional<String> known(String code) {
        return CodeText.isWellFormed(code) ? Optional.of(CodeText.normalise(code)) : Optional.empty();
    }

    private static DiscountInvalidException unknown() {
        return new DiscountInvalidException(DiscountInvalidException.UNKNOWN);
    }
}
