package dev.bookshop.adapters.persistence.jooq;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers about the catalogue kept for a few seconds: which books a list or search page shows, and how many match a
 * list's filters. Finding them means reading every matching row (a scan of the whole shop for "in stock", ranking
 * every book a search word matches), while the books of a page are read by id in no time. Only ids, their order and
 * totals are kept, never a book or its stock: those are read fresh every time.
 *
 * <p>Every catalogue write in this process forgets everything (new, changed or withdrawn books, admin stock changes,
 * a book selling its last copy or coming back from zero); another instance's writes show here after {@link
 * #DEFAULT_LIFETIME} at most. Per process, short-lived and bounded, as SPEC §8 asks of a catalogue cache.
 */
final class ShortLived<V> {

    static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(10);

    /** Past this many keys everything is dropped: memory stays bounded under any query mix. */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, long expiresAtNanos) {}

    private final long lifetimeNanos;
    private final Map<Object, Entry<V>> entries = new ConcurrentHashMap<>();

    ShortLived(Duration lifetime) {
        this.lifetimeNanos = lifetime.toNanos();
    }

    Optional<V> find(Object key) {
        Entry<V> entry = entries.get(key);
        if (entry == null || System.nanoTime() - entry.expiresAtNanos() >= 0) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void put(Object key, V value) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, System.nanoTime() + lifetimeNanos));
    }

    /** The value kept for {@code key}, or a fresh one from {@code compute}, kept from now on. */
    V get(Object key, Supplier<V> compute) {
        return find(key).orElseGet(() -> {
            V value = compute.get();
            put(key, value);
            return value;
        });
    }

    void forgetAll() {
        entries.clear();
    }
}
