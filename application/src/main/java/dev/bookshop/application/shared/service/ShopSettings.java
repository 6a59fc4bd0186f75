package dev.bookshop.application.shared.service;

import dev.bookshop.domain.order.PurchaseLimits;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;

/**
 * The operator's choices the use cases need: the shop currency, how long things live, and how much stock one customer
 * may hold without paying.
 */
public record ShopSettings(
        Currency currency, Duration refreshTokenTtl, Duration orderPaymentTimeout, PurchaseLimits purchaseLimits) {

    public ShopSettings {
        Objects.requireNonNull(currency);
        requirePositive(refreshTokenTtl, "refresh token lifetime");
        requirePositive(orderPaymentTimeout, "order payment timeout");
        Objects.requireNonNull(purchaseLimits, "purchase limits");
    }

    /** The default purchase limits. */
    public ShopSettings(Currency currency, Duration refreshTokenTtl, Duration orderPaymentTimeout) {
        this(currency, refreshTokenTtl, orderPaymentTimeout, PurchaseLimits.defaults());
    }

    public static ShopSettings defaults() {
        return new ShopSettings(Currency.getInstance("EUR"), Duration.ofDays(30), Duration.ofMinutes(30));
    }

    public ShopSettings withPurchaseLimits(PurchaseLimits limits) {
        return new ShopSettings(currency, refreshTokenTtl, orderPaymentTimeout, limits);
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
