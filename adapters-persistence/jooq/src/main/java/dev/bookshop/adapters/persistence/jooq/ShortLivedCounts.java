package dev.bookshop.adapters.persistence.jooq;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many books match a product list's filters, kept for a few seconds: counting a large match means reading every
 * matching row (a sequential scan of the shop for "in stock"), while the page itself comes from an index. Every
 * catalogue write in this process forgets them all (new, changed or withdrawn books, admin stock changes, a book
 * selling its last copy or coming back from zero); another instance's writes show here after {@link
 * #DEFAULT_LIFETIME} at most. Only totals are kept, never a book or its stock. Per process and bounded, as SPEC §8 asks
 * of a catalogue cache.
 */
final class ShortLivedCounts {

    static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(10);

    /** Past this many distinct filter sets, everything is dropped: memory stays bounded under any query mix. */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(long count, long expiresAtNanos) {}

    private final long lifetimeNanos;
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

    ShortLivedCounts(Duration lifetime) {
        this.lifetimeNanos = lifetime.toNanos();
    }

    /** The count kept for {@code key}, or a fresh one from {@code countNow}, kept from now on. */
    long get(Object key, LongSupplier countNow) {
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return entry.count();
        }
        long count = countNow.getAsLong();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(count, now + lifetimeNanos));
        return count;
    }

    void forgetAll() {
        entries.clear();
    }
}
