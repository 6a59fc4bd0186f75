package dev.bookshop.domain.discount;

import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.DiscountInvalidException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A discount code: its terms and how many live orders carry it. It decides whether it applies to some goods at some
 * instant and what it takes off them; counting its redemptions consistently (under a lock at checkout) is the
 * caller's part. Immutable.
 */
public final class DiscountCode {

    public static final String INACTIVE = "inactive";
    public static final String NOT_STARTED = "not_started";
    public static final String ENDED = "ended";
    public static final String BELOW_MINIMUM = "below_minimum";
    public static final String USED_UP = "used_up";
    public static final String USED_UP_FOR_CUSTOMER = "used_up_for_customer";

    private final DiscountCodeId id;
    private final DiscountTerms terms;
    private final int timesRedeemed;
    private final Instant createdAt;

    private DiscountCode(DiscountCodeId id, DiscountTerms terms, int timesRedeemed, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.terms = Objects.requireNonNull(terms, "terms");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        if (timesRedeemed < 0) {
            throw new IllegalArgumentException("a code is redeemed zero or more times");
        }
        this.timesRedeemed = timesRedeemed;
    }

    public static DiscountCode create(DiscountCodeId id, DiscountTerms terms, Instant now) {
        return new DiscountCode(id, terms, 0, now);
    }

    public static DiscountCode rehydrate(DiscountCodeId id, DiscountTerms terms, int timesRedeemed, Instant createdAt) {
        return new DiscountCode(id, terms, timesRedeemed, createdAt);
    }

    /** The same code with new terms; its redemptions stay what they are. */
    public DiscountCode redefine(DiscountTerms changed) {
        return new DiscountCode(id, changed, timesRedeemed, createdAt);
    }

    /**
     * What the code takes off {@code goods} at {@code now}, or the refusal, checked in this order: inactive, not
     * started, ended, below the minimum subtotal, used up in all, used up for this customer.
     *
     * @param customerRedemptions how many live orders of the customer carry the code; empty when the customer is not
     *     known yet (a guest's cart), so the per-customer limit is left to checkout
     * @throws DiscountInvalidException with the reason
     */
    public Money amountOff(Money goods, Instant now, Optional<Integer> customerRedemptions) {
        Objects.requireNonNull(goods, "goods");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(customerRedemptions, "customerRedemptions");
        refusal(goods, now, customerRedemptions).ifPresent(reason -> {
            throw new DiscountInvalidException(reason);
        });
        return takenOff(goods);
    }

    /** The reason the code takes nothing off, when it does not apply; see {@link #amountOff}. */
    public Optional<String> refusal(Money goods, Instant now, Optional<Integer> customerRedemptions) {
        if (!terms.active()) {
            return Optional.of(INACTIVE);
        }
        if (terms.startsAt().isPresent() && now.isBefore(terms.startsAt().get())) {
            return Optional.of(NOT_STARTED);
        }
        if (terms.endsAt().isPresent() && !now.isBefore(terms.endsAt().get())) {
            return Optional.of(ENDED);
        }
        if (terms.minSubtotal().isPresent()
                && goods.compareTo(terms.minSubtotal().get()) < 0) {
            return Optional.of(BELOW_MINIMUM);
        }
        if (terms.maxRedemptions().isPresent()
                && timesRedeemed >= terms.maxRedemptions().get()) {
            return Optional.of(USED_UP);
        }
        if (terms.maxPerCustomer().isPresent()
                && customerRedemptions.isPresent()
                && customerRedemptions.get() >= terms.maxPerCustomer().get()) {
            return Optional.of(USED_UP_FOR_CUSTOMER);
        }
        return Optional.empty();
    }

    /** Per cent rounded down to the cent (never more than promised); an amount never more than the goods. */
    private Money takenOff(Money goods) {
        long cents = switch (terms.kind()) {
            case PERCENT -> Math.multiplyExact(goods.cents(), terms.value()) / 100;
            case AMOUNT -> Math.min(terms.value(), goods.cents());
        };
        return Money.ofCents(cents);
    }

    public DiscountCodeId id() {
        return id;
    }

    public DiscountTerms terms() {
        return terms;
    }

    public String code() {
        return terms.code();
    }

    public int timesRedeemed() {
        return timesRedeemed;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscountCode other
                && id.equals(other.id)
                && terms.equals(other.terms)
                && timesRedeemed == other.timesRedeemed
                && createdAt.equals(other.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, terms, timesRedeemed, createdAt);
    }

    @Override
    public String toString() {
        return "DiscountCode[" + id + ", " + terms + ", redeemed " + timesRedeemed + "]";
    }
}
