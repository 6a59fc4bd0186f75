package dev.bookshop.domain.tax;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A VAT rate in basis points ({@code 700} is 7 %), from 0 to 100 %. The shop's prices include VAT, so the rate tells
 * how much of a gross amount is tax rather than what to add on top.
 */
public record TaxRate(int basisPoints) {

    public static final int MAX_BASIS_POINTS = 10_000;

    /** What a destination without a rate of its own is taxed at. */
    public static final TaxRate ZERO = new TaxRate(0);

    private static final BigDecimal WHOLE = BigDecimal.valueOf(MAX_BASIS_POINTS);

    public TaxRate {
        if (basisPoints < 0 || basisPoints > MAX_BASIS_POINTS) {
            throw new InvalidValueException(
                    "rateBasisPoints", "rateBasisPoints must be between 0 and " + MAX_BASIS_POINTS);
        }
    }

    public static TaxRate ofBasisPoints(int basisPoints) {
        return new TaxRate(basisPoints);
    }

    /**
     * The tax inside a gross amount: {@code gross × r / (10000 + r)}, rounded half-even to the cent. Exact decimal
     * arithmetic, so the same amount always yields the same cent whatever adds it up later.
     */
    public Money taxIn(Money gross) {
        if (basisPoints == 0) {
            return Money.ZERO;
        }
        BigDecimal rate = BigDecimal.valueOf(basisPoints);
        BigDecimal tax =
                BigDecimal.valueOf(gross.cents()).multiply(rate).divide(WHOLE.add(rate), 0, RoundingMode.HALF_EVEN);
        return Money.ofCents(tax.longValueExact());
    }
}
