package dev.bookshop.adapters.web.discount;

import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.discount.DiscountCode;
import dev.bookshop.domain.discount.DiscountTerms;
import java.time.Instant;

/**
 * A discount code as the admin sees it: a PERCENT value is per cent, an AMOUNT value cents; the optional terms are
 * null when not set; {@code timesRedeemed} counts the live orders carrying it (failed ones gave theirs back).
 */
public record DiscountCodeView(
        String id,
        String code,
        String kind,
        long value,
        Long minSubtotalCents,
        Instant startsAt,
        Instant endsAt,
        Integer maxRedemptions,
        Integer maxPerCustomer,
        boolean active,
        int timesRedeemed,
        Instant createdAt) {

    public static DiscountCodeView of(DiscountCode code) {
        DiscountTerms t = code.terms();
        return new DiscountCodeView(
                code.id().toString(),
                t.code(),
                t.kind().name(),
                t.value(),
                t.minSubtotal().map(Money::cents).orElse(null),
                t.startsAt().orElse(null),
                t.endsAt().orElse(null),
                t.maxRedemptions().orElse(null),
                t.maxPerCustomer().orElse(null),
                t.active(),
                code.timesRedeemed(),
                code.createdAt());
    }
}
