package dev.bookshop.application.shared.service;

import java.time.Duration;
import java.util.Currency;
import java.util.Objects;

/** The operator's choices the use cases need: the shop currency and how long things live. */
public record ShopSettings(Currency currency, Duration refreshTokenTtl, Duration orderPaymentTimeout) {

    public ShopSettings {
        Objects.requireNonNull(currency);
        requirePositive(refreshTokenTtl, "refresh token lifetime");
        requirePositive(orderPaymentTimeout, "order payment timeout");
    }

    public static ShopSettings defaults() {
        return new ShopSettings(Currency.getInstance("EUR"), Duration.ofDays(30), Duration.ofMinutes(30));
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
