package dev.bookshop.domain.discount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.DiscountInvalidException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DiscountCodeTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Money GOODS = Money.ofCents(5000);

    private static DiscountTerms terms(DiscountKind kind, long value) {
        return new DiscountTerms(
                "spring",
                kind,
                value,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true);
    }

    private static DiscountCode code(DiscountTerms terms, int redeemed) {
        return DiscountCode.rehydrate(DiscountCodeId.of(UUID.randomUUID()), terms, redeemed, NOW);
    }

    private static String reason(DiscountCode code, Money goods, Optional<Integer> mine) {
        try {
            code.amountOff(goods, NOW, mine);
        } catch (DiscountInvalidException e) {
            return e.reason();
        }
        throw new AssertionError("the code applied");
    }

    @Test
    void theTextIsComparedIgnoringCaseAndSurroundingSpace() {
        assertThat(terms(DiscountKind.PERCENT, 10).code()).isEqualTo("SPRING");
        assertThat(CodeText.normalise("  Spring-10_a ")).isEqualTo("SPRING-10_A");
        assertThat(CodeText.isWellFormed("no spaces inside")).isFalse();
        assertThatThrownBy(() -> CodeText.normalise("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CodeText.normalise("x".repeat(41))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aPercentTakesItsShareRoundedDown() {
        assertThat(code(terms(DiscountKind.PERCENT, 10), 0).amountOff(Money.ofCents(1999), NOW, Optional.empty()))
                .isEqualTo(Money.ofCents(199));
        assertThat(code(terms(DiscountKind.PERCENT, 100), 0).amountOff(GOODS, NOW, Optional.empty()))
                .isEqualTo(GOODS);
    }

    @Test
    void anAmountNeverTakesMoreThanTheGoods() {
        assertThat(code(terms(DiscountKind.AMOUNT, 700), 0).amountOff(GOODS, NOW, Optional.empty()))
                .isEqualTo(Money.ofCents(700));
        assertThat(code(terms(DiscountKind.AMOUNT, 7000), 0).amountOff(GOODS, NOW, Optional.empty()))
                .isEqualTo(GOODS);
        assertThat(code(terms(DiscountKind.AMOUNT, 7000), 0).amountOff(Money.ZERO, NOW, Optional.empty()))
                .isEqualTo(Money.ZERO);
    }

    @Test
    void valuesOutsideTheirRangeAreRefusedNamingTheField() {
        assertThatThrownBy(() -> terms(DiscountKind.PERCENT, 0))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).contains("value"));
        assertThatThrownBy(() -> terms(DiscountKind.PERCENT, 101)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> terms(DiscountKind.AMOUNT, 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new DiscountTerms(
                        "X",
                        DiscountKind.AMOUNT,
                        1,
                        Optional.empty(),
                        Optional.of(NOW),
                        Optional.of(NOW),
                        Optional.empty(),
                        Optional.empty(),
                        true))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).contains("endsAt"));
        assertThatThrownBy(() -> new DiscountTerms(
                        "X",
                        DiscountKind.AMOUNT,
                        1,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(0),
                        Optional.empty(),
                        true))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new DiscountTerms(
                        "X",
                        DiscountKind.AMOUNT,
                        1,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(0),
                        true))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new DiscountTerms(
                        "a b",
                        DiscountKind.AMOUNT,
                        1,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        true))
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).contains("code"));
    }

    @Test
    void anInactiveCodeIsRefused() {
        DiscountTerms t = terms(DiscountKind.PERCENT, 10);
        DiscountTerms off = new DiscountTerms(
                t.code(),
                t.kind(),
                t.value(),
                t.minSubtotal(),
                t.startsAt(),
                t.endsAt(),
                t.maxRedemptions(),
                t.maxPerCustomer(),
                false);
        assertThat(reason(code(off, 0), GOODS, Optional.empty())).isEqualTo(DiscountCode.INACTIVE);
    }

    @Test
    void theWindowStartsInclusiveAndEndsExclusive() {
        DiscountCode windowed = code(
                new DiscountTerms(
                        "W",
                        DiscountKind.PERCENT,
                        10,
                        Optional.empty(),
                        Optional.of(NOW.plusSeconds(1)),
                        Optional.of(NOW.plusSeconds(10)),
                        Optional.empty(),
                        Optional.empty(),
                        true),
                0);
        assertThat(windowed.refusal(GOODS, NOW, Optional.empty())).contains(DiscountCode.NOT_STARTED);
        assertThat(windowed.refusal(GOODS, NOW.plusSeconds(1), Optional.empty()))
                .isEmpty();
        assertThat(windowed.refusal(GOODS, NOW.plusSeconds(9), Optional.empty()))
                .isEmpty();
        assertThat(windowed.refusal(GOODS, NOW.plusSeconds(10), Optional.empty()))
                .contains(DiscountCode.ENDED);
    }

    @Test
    void theMinimumIsInclusive() {
        DiscountCode min = code(
                new DiscountTerms(
                        "M",
                        DiscountKind.AMOUNT,
                        500,
                        Optional.of(GOODS),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        true),
                0);
        assertThat(min.amountOff(GOODS, NOW, Optional.empty())).isEqualTo(Money.ofCents(500));
        assertThat(reason(min, Money.ofCents(4999), Optional.empty())).isEqualTo(DiscountCode.BELOW_MINIMUM);
    }

    @Test
    void theLimitInAllCountsRedemptions() {
        DiscountTerms limited = new DiscountTerms(
                "L",
                DiscountKind.AMOUNT,
                500,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(2),
                Optional.empty(),
                true);
        assertThat(code(limited, 1).refusal(GOODS, NOW, Optional.empty())).isEmpty();
        assertThat(reason(code(limited, 2), GOODS, Optional.empty())).isEqualTo(DiscountCode.USED_UP);
    }

    @Test
    void theLimitPerCustomerIsCheckedOnlyWhenTheCustomerIsKnown() {
        DiscountCode once = code(
                new DiscountTerms(
                        "O",
                        DiscountKind.AMOUNT,
                        500,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(1),
                        true),
                5);
        assertThat(once.refusal(GOODS, NOW, Optional.of(0))).isEmpty();
        assertThat(once.refusal(GOODS, NOW, Optional.empty())).isEmpty();
        assertThat(reason(once, GOODS, Optional.of(1))).isEqualTo(DiscountCode.USED_UP_FOR_CUSTOMER);
    }

    @Test
    void redefiningKeepsTheRedemptions() {
        DiscountCode c = code(terms(DiscountKind.PERCENT, 10), 3);
        DiscountCode changed = c.redefine(terms(DiscountKind.AMOUNT, 100));
        assertThat(changed.timesRedeemed()).isEqualTo(3);
        assertThat(changed.id()).isEqualTo(c.id());
        assertThat(changed.terms().kind()).isEqualTo(DiscountKind.AMOUNT);
    }
}
