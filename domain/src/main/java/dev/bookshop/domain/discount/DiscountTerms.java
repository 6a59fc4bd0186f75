package dev.bookshop.domain.discount;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an admin decides about a code: its text, what it takes off, and when and how often it may be used. A PERCENT
 * value is 1 to 100 per cent, an AMOUNT value cents above zero; a window starts before it ends; limits are at least one.
 *
 * @param code the canonical text ({@link CodeText#normalise}), unique in the shop ignoring case
 * @param minSubtotal the goods must cost at least this before the code applies
 * @param startsAt valid from this instant on (inclusive)
 * @param endsAt valid until this instant (exclusive)
 * @param maxRedemptions how many orders may carry the code in all
 * @param maxPerCustomer how many orders of one account may carry it
 */
public record DiscountTerms(
        String code,
        DiscountKind kind,
        long value,
        Optional<Money> minSubtotal,
        Optional<Instant> startsAt,
        Optional<Instant> endsAt,
        Optional<Integer> maxRedemptions,
        Optional<Integer> maxPerCustomer,
        boolean active) {

    public DiscountTerms {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(minSubtotal, "minSubtotal");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(maxRedemptions, "maxRedemptions");
        Objects.requireNonNull(maxPerCustomer, "maxPerCustomer");
        try {
            code = CodeText.normalise(code);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("code", e.getMessage());
        }
        if (kind == DiscountKind.PERCENT && (value < 1 || value > 100)) {
            throw new InvalidValueException("value", "a PERCENT code takes 1 to 100 per cent");
        }
        if (kind == DiscountKind.AMOUNT && value < 1) {
            throw new InvalidValueException("value", "an AMOUNT code takes at least one cent");
        }
        if (startsAt.isPresent() && endsAt.isPresent() && !startsAt.get().isBefore(endsAt.get())) {
            throw new InvalidValueException("endsAt", "must be after startsAt");
        }
        if (maxRedemptions.isPresent() && maxRedemptions.get() < 1) {
            throw new InvalidValueException("maxRedemptions", "must be at least 1");
        }
        if (maxPerCustomer.isPresent() && maxPerCustomer.get() < 1) {
            throw new InvalidValueException("maxPerCustomer", "must be at least 1");
        }
    }
}
