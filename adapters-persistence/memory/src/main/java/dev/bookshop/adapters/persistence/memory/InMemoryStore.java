package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.mail.port.out.OutboxMail;
import dev.bookshop.application.order.port.out.IdempotencyRecord;
import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.auth.AccountToken;
import dev.bookshop.domain.auth.AccountTokenId;
import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.cart.GuestCart;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.CategoryId;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.discount.DiscountCode;
import dev.bookshop.domain.discount.DiscountCodeId;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The tables of the in-memory adapter: plain maps of immutable rows, guarded by one lock. Every repository call and
 * every transaction holds the lock, so all access is serialised and row locks come for free.
 */
final class InMemoryStore {

    /**
     * PostgreSQL orders uuids byte by byte, which is the order of their lower-case text; {@link UUID#compareTo}
     * compares signed longs and would page differently from the database adapters.
     */
    static final Comparator<UUID> UUID_ORDER = Comparator.comparing(UUID::toString);

    final Map<UserId, User> users = new LinkedHashMap<>();
    final Map<RefreshTokenId, RefreshToken> refreshTokens = new LinkedHashMap<>();
    final Map<CategoryId, Category> categories = new LinkedHashMap<>();
    final Map<ProductId, Product> products = new LinkedHashMap<>();
    final Map<UserId, Cart> carts = new LinkedHashMap<>();
    final Map<OrderId, Order> orders = new LinkedHashMap<>();
    /** Keyed by an ever-growing sequence number, like a bigserial: it keeps events of one instant in append order. */
    final Map<Long, OrderEvent> orderEvents = new LinkedHashMap<>();

    final Map<IdempotencyRef, IdempotencyRecord> idempotency = new LinkedHashMap<>();
    final Map<ProcessedEventRef, Instant> processedEvents = new LinkedHashMap<>();
    final Map<UUID, OutboxRow> outbox = new LinkedHashMap<>();
    final Map<AccountTokenId, AccountToken> accountTokens = new LinkedHashMap<>();
    /** In insertion order, which breaks ties between entries saved at the same instant. */
    final Map<AddressId, SavedAddress> addresses = new LinkedHashMap<>();

    final Map<ShippingMethodId, ShippingMethod> shippingMethods = new LinkedHashMap<>();
    final Map<CountryCode, TaxRate> taxRates = new LinkedHashMap<>();
    final Map<TokenHash, GuestCart> guestCarts = new LinkedHashMap<>();
    /** The code each cart has applied, like the carts' discount_code columns. */
    final Map<UserId, String> cartDiscounts = new LinkedHashMap<>();

    final Map<TokenHash, String> guestCartDiscounts = new LinkedHashMap<>();
    /** Each code with its current timesRedeemed, kept in step with {@link #redemptions}. */
    final Map<DiscountCodeId, DiscountCode> discountCodes = new LinkedHashMap<>();

    final Map<OrderId, Redemption> redemptions = new LinkedHashMap<>();

    private final List<Map<?, ?>> tables = List.of(
            users,
            refreshTokens,
            categories,
            products,
            carts,
            orders,
            orderEvents,
            idempotency,
            processedEvents,
            outbox,
            accountTokens,
            addresses,
            shippingMethods,
            taxRates,
            guestCarts,
            cartDiscounts,
            guestCartDiscounts,
            discountCodes,
            redemptions);

    private final ReentrantLock lock = new ReentrantLock();
    private long nextEventSequence = 1;

    /** A row of discount_redemptions. */
    record Redemption(DiscountCodeId code, UserId customer, Instant at) {}

    /** The primary key of an idempotency record. */
    record IdempotencyRef(UserId userId, IdempotencyKey key) {}

    /** The primary key of a processed provider event. */
    record ProcessedEventRef(String provider, String eventId) {}

    /** An outbox mail with the delivery state the port keeps out of {@link OutboxMail}. */
    record OutboxRow(
            OutboxMail mail,
            Instant nextAttemptAt,
            Optional<Instant> leaseUntil,
            Optional<Instant> sentAt,
            Optional<String> lastError) {
        OutboxRow {
            Objects.requireNonNull(mail);
            Objects.requireNonNull(nextAttemptAt);
            Objects.requireNonNull(leaseUntil);
            Objects.requireNonNull(sentAt);
            Objects.requireNonNull(lastError);
        }
    }

    /** A copy of every table, taken when a transaction begins. Rows are immutable, so shallow copies suffice. */
    static final class Snapshot {
        private final List<Map<?, ?>> tables;

        private Snapshot(List<Map<?, ?>> tables) {
            this.tables = tables;
        }
    }

    /** Runs {@code work} holding the store's lock; re-entrant, so it joins a transaction the thread already runs. */
    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Whether the calling thread holds the lock once only: a transaction begun now is the outermost one. */
    boolean heldOnce() {
        return lock.isHeldByCurrentThread() && lock.getHoldCount() == 1;
    }

    Snapshot snapshot() {
        requireHeld();
        List<Map<?, ?>> copies = new ArrayList<>(tables.size());
        for (Map<?, ?> table : tables) {
            copies.add(new LinkedHashMap<>(table));
        }
        return new Snapshot(copies);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void restore(Snapshot snapshot) {
        requireHeld();
        for (int i = 0; i < tables.size(); i++) {
            Map table = tables.get(i);
            table.clear();
            table.putAll(snapshot.tables.get(i));
        }
    }

    /** Removes up to {@code limit} rows that match, in insertion order; answers how many. Call holding the lock. */
    static <K, V> int deleteWhere(Map<K, V> table, Predicate<V> due, int limit) {
        List<K> keys = table.entrySet().stream()
                .filter(e -> due.test(e.getValue()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        keys.forEach(table::remove);
        return keys.size();
    }

    long nextEventSequence() {
        requireHeld();
        return nextEventSequence++;
    }

    /** Fails like a foreign key would when {@code present} is false. */
    static void requireReference(boolean present, String what) {
        if (!present) {
            throw new IllegalStateException("foreign key violated: no such " + what);
        }
    }

    /** Fails like a primary key would when the key is taken. */
    static void requireNewKey(Map<?, ?> table, Object key, String what) {
        if (table.containsKey(key)) {
            throw new IllegalStateException("primary key violated: " + what + " " + key + " exists");
        }
    }

    private void requireHeld() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the store's lock is not held");
        }
    }
}
