package dev.bookshop.application.shared.service;

import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.order.PurchaseLimits;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;

/**
 * The operator's choices the use cases need: the shop currency, how long things live, and how much stock one customer
 * may hold without paying.
 *
 * @param sessionMaxAge how long after its login every session ends, however often it is refreshed
 * @param refreshReuseGrace how long after a refresh the token it replaced may be presented again without counting as
 *     reuse (two tabs refreshing at once); zero turns it off, and it is capped at {@link #MAX_REFRESH_REUSE_GRACE}
 *     because a stolen token replayed within it is not detected
 * @param catalogueWindow how many matches a catalogue list or search counts exactly, ranks and pages by number; past
 *     it the total says "at least" and only cursors go deeper, so no request costs more at a million books than at
 *     this many
 * @param guestCartTtl how long a guest cart lives after its last use; an idle one is refused and purged
 */
public record ShopSettings(
        Currency currency,
        Duration refreshTokenTtl,
        Duration orderPaymentTimeout,
        PurchaseLimits purchaseLimits,
        Duration sessionMaxAge,
        Duration refreshReuseGrace,
        int catalogueWindow,
        Duration guestCartTtl) {

    public static final int DEFAULT_CATALOGUE_WINDOW = 10_000;
    public static final Duration DEFAULT_GUEST_CART_TTL = Duration.ofDays(30);
    public static final Duration DEFAULT_SESSION_MAX_AGE = Duration.ofDays(90);
    public static final Duration MAX_REFRESH_REUSE_GRACE = Duration.ofMinutes(1);

    public ShopSettings {
        Objects.requireNonNull(currency);
        requirePositive(refreshTokenTtl, "refresh token lifetime");
        requirePositive(orderPaymentTimeout, "order payment timeout");
        Objects.requireNonNull(purchaseLimits, "purchase limits");
        requirePositive(sessionMaxAge, "session maximum age");
        Objects.requireNonNull(refreshReuseGrace, "refresh reuse grace");
        if (refreshReuseGrace.isNegative() || refreshReuseGrace.compareTo(MAX_REFRESH_REUSE_GRACE) > 0) {
            throw new IllegalArgumentException(
                    "refresh reuse grace must be between zero and " + MAX_REFRESH_REUSE_GRACE);
        }
        if (catalogueWindow < PageRequest.MAX_SIZE) {
            throw new IllegalArgumentException("catalogue window must be at least " + PageRequest.MAX_SIZE);
        }
        requirePositive(guestCartTtl, "guest cart lifetime");
    }

    /** The default purchase limits, no reuse grace and the default session maximum age. */
    public ShopSettings(Currency currency, Duration refreshTokenTtl, Duration orderPaymentTimeout) {
        this(currency, refreshTokenTtl, orderPaymentTimeout, PurchaseLimits.defaults());
    }

    /** The given purchase limits, no reuse grace, and the defaults for the rest. */
    public ShopSettings(
            Currency currency, Duration refreshTokenTtl, Duration orderPaymentTimeout, PurchaseLimits purchaseLimits) {
        this(
                currency,
                refreshTokenTtl,
                orderPaymentTimeout,
                purchaseLimits,
                DEFAULT_SESSION_MAX_AGE,
                Duration.ZERO,
                DEFAULT_CATALOGUE_WINDOW,
                DEFAULT_GUEST_CART_TTL);
    }

    public static ShopSettings defaults() {
        return new ShopSettings(Currency.getInstance("EUR"), Duration.ofDays(30), Duration.ofMinutes(30));
    }

    public ShopSettings withPurchaseLimits(PurchaseLimits limits) {
        return new ShopSettings(
                currency,
                refreshTokenTtl,
                orderPaymentTimeout,
                limits,
                sessionMaxAge,
                refreshReuseGrace,
                catalogueWindow,
                guestCartTtl);
    }

    public ShopSettings withSessionMaxAge(Duration maxAge) {
        return new ShopSettings(
                currency,
                refreshTokenTtl,
                orderPaymentTimeout,
                purchaseLimits,
                maxAge,
                refreshReuseGrace,
                catalogueWindow,
                guestCartTtl);
    }

    public ShopSettings withRefreshReuseGrace(Duration grace) {
        return new ShopSettings(
                currency,
                refreshTokenTtl,
                orderPaymentTimeout,
                purchaseLimits,
                sessionMaxAge,
                grace,
                catalogueWindow,
                guestCartTtl);
    }

    public ShopSettings withCatalogueWindow(int window) {
        return new ShopSettings(
                currency,
                refreshTokenTtl,
                orderPaymentTimeout,
                purchaseLimits,
                sessionMaxAge,
                refreshReuseGrace,
                window,
                guestCartTtl);
    }

    public ShopSettings withGuestCartTtl(Duration ttl) {
        return new ShopSettings(
                currency,
                refreshTokenTtl,
                orderPaymentTimeout,
                purchaseLimits,
                sessionMaxAge,
                refreshReuseGrace,
                catalogueWindow,
                ttl);
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
