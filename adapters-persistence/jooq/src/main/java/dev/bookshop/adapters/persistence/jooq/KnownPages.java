package dev.bookshop.adapters.persistence.jooq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.ProductSort;
import dev.bookshop.application.shared.query.PageRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Which books a page of the admin's list shows, in order, with the total, and how many books match a list's filters
 * (exactly for the admin's list, up to a bound for the shop's lists and searches): counting reads the matching index
 * entries, while the pages of the shop are read through the index of their order and need no keeping. Forgotten on
 * every catalogue write: this process's at once (see {@link CatalogueCaches}), another instance's as soon as its
 * notification arrives ({@link CatalogueListener}); {@link #LIFETIME} only bounds what a change made behind the shop's
 * back (SQL by hand) leaves.
 */
final class KnownPages {

    static final Duration LIFETIME = Duration.ofSeconds(10);

    /** Pages and counts: at most this many ids (a page holds up to 100) or counts (one each). */
    static final int MAX_IDS = 200_000;

    record PageOfIds(List<UUID> ids, long total) {}

    /** How many times the pages were forgotten: a page found across a forgetting is not kept. */
    private final AtomicLong forgotten = new AtomicLong();

    private final Cache<Object, PageOfIds> pages;

    private final Cache<ProductQuery, Long> counts;

    private final Cache<Object, Long> bounded;

    private final Consumer<Runnable> whenDone;

    private final Ticker ticker;

    /**
     * For pages read from a replica: how long after a forgetting nothing found is kept. The replica may not yet have
     * replayed the write that caused it, and a page found there would otherwise be kept, stale, for a lifetime.
     */
    private final long settleNanos;

    /** When the pages were last forgotten, by {@link #ticker}. */
    private volatile long forgottenAt;

    /** {@code whenDone} runs its action once the calling thread's transaction is over (at once outside one). */
    KnownPages(Consumer<Runnable> whenDone) {
        this(whenDone, Ticker.systemTicker());
    }

    KnownPages(Consumer<Runnable> whenDone, Ticker ticker) {
        this(whenDone, ticker, LIFETIME, Duration.ZERO);
    }

    /** Pages kept for {@code lifetime}, and nothing kept within {@code settle} of a forgetting. */
    KnownPages(Consumer<Runnable> whenDone, Ticker ticker, Duration lifetime, Duration settle) {
        this.whenDone = whenDone;
        this.ticker = ticker;
        this.settleNanos = settle.toNanos();
        this.forgottenAt = ticker.read() - settleNanos;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(MAX_IDS)
                .weigher((Object key, PageOfIds page) -> 1 + page.ids().size())
                .expireAfterWrite(lifetime)
                .ticker(ticker)
                .build();
        this.counts = Caffeine.newBuilder()
                .maximumSize(MAX_IDS)
                .expireAfterWrite(lifetime)
                .ticker(ticker)
                .build();
        this.bounded = Caffeine.newBuilder()
                .maximumSize(MAX_IDS)
                .expireAfterWrite(lifetime)
                .ticker(ticker)
                .build();
    }

    /**
     * The page kept for {@code key}, or found now and kept. Not {@code Cache.get(key, loader)}: that runs the query
     * inside the map's lock for the key, which holds up other keys and, on Java 21, pins the virtual thread's carrier
     * for the whole round trip.
     */
    PageOfIds page(Object key, Supplier<PageOfIds> find) {
        return known(pages, key, find);
    }

    /** How many books match the filters of {@code query}, whatever its page and order. */
    long count(ProductQuery query, LongSupplier countAll) {
        ProductQuery filters = query.withPage(PageRequest.first()).withSort(ProductSort.TITLE);
        return known(counts, filters, countAll::getAsLong);
    }

    /**
     * A bounded count (see {@link JooqProductRepository#list}) kept under {@code key}: it still reads up to a window
     * of index entries, some milliseconds at a million books, which every page of a walk would otherwise repeat.
     */
    long bounded(Object key, LongSupplier countUpToBound) {
        return known(bounded, key, countUpToBound::getAsLong);
    }

    private <K, V> V known(Cache<K, V> cache, K key, Supplier<V> find) {
        V known = cache.getIfPresent(key);
        if (known == null) {
            long before = forgotten.get();
            known = find.get();
            // A write that ended while this was being found may not be in it: then it is used once, not kept.
            // Checked again after the put, as the write may forget everything between the check and the put.
            if (forgotten.get() == before && ticker.read() - forgottenAt >= settleNanos) {
                cache.put(key, known);
                if (forgotten.get() != before) {
                    cache.asMap().remove(key, known);
                }
            }
        }
        return known;
    }

    /**
     * Forgets the known pages now and again once the transaction is over: a page read in between, before the write
     * could be seen, would otherwise be kept.
     */
    void forget() {
        forgetNow();
        whenDone.accept(this::forgetNow);
    }

    /** For a write whose old answers stay right until it commits: forgets only once the transaction is over. */
    void forgetOnceDone() {
        whenDone.accept(this::forgetNow);
    }

    /** Forgets at once, whatever transaction the calling thread is in. */
    void forgetNow() {
        forgottenAt = ticker.read();
        forgotten.incrementAndGet();
        counts.invalidateAll();
        bounded.invalidateAll();
        pages.invalidateAll();
    }
}
