package dev.bookshop.adapters.persistence.jooq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.Stock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Books as last read, kept by id. Only what an admin writes is taken from here (details, price, categories, dates):
 * every read first asks the database for the book's stock, active flag, update time and version, and a kept book whose
 * update time or version differs is read again. Every write of the shop moves the update time, so a kept book is not stale even after a
 * write on another instance, and the stock that checkout decrements always comes from the database, never a copy. A
 * change made behind the shop's back (SQL by hand) shows within {@link #LIFETIME}; a shorter lifetime costs the detail
 * page re-reads, measured in docs/PERFORMANCE.md. What it saves is reading, parsing and validating the wide row and its
 * categories on every request. Bounded by the characters it holds, as descriptions may be long.
 */
final class KeptBooks {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** About 20 MB of text at most; a book with a short description weighs a few hundred. */
    static final int MAX_CHARACTERS = 10_000_000;

    /** What is read fresh of a book every time. */
    record Version(UUID id, int stock, boolean active, Instant updatedAt, long version) {}

    private final Cache<UUID, Product> books;

    private final Consumer<Runnable> whenDone;

    /** {@code whenDone} runs its action once the calling thread's transaction is over (at once outside one). */
    KeptBooks(Consumer<Runnable> whenDone) {
        this(whenDone, Ticker.systemTicker());
    }

    KeptBooks(Consumer<Runnable> whenDone, Ticker ticker) {
        this.whenDone = whenDone;
        this.books = Caffeine.newBuilder()
                .maximumWeight(MAX_CHARACTERS)
                .weigher((UUID id, Product book) -> characters(book))
                .expireAfterWrite(LIFETIME)
                .ticker(ticker)
                .build();
    }

    static int characters(Product book) {
        BookDetails details = book.details();
        return 200
                + details.title().length()
                + details.author().length()
                + details.series().map(String::length).orElse(0)
                + details.description().map(String::length).orElse(0);
    }

    /**
     * The books of {@code versions}, in their order: a kept copy where it holds the same version, with the stock and
     * active flag just read; the others read whole by {@code readWhole} and kept. The answer is built only from copies
     * checked against these versions (never from a second look at the cache, where another thread may meanwhile have
     * put an older copy, or eviction removed one). A book {@code readWhole} no longer finds is left out.
     */
    List<Product> asOf(List<Version> versions, Function<List<UUID>, List<Product>> readWhole) {
        Map<UUID, Product> found = HashMap.newHashMap(versions.size());
        List<UUID> toRead = new ArrayList<>();
        for (Version version : versions) {
            Product kept = books.getIfPresent(version.id());
            if (kept != null
                    && kept.version() == version.version()
                    && kept.updatedAt().equals(version.updatedAt())) {
                found.put(version.id(), withCurrent(kept, version.stock(), version.active()));
            } else {
                toRead.add(version.id());
            }
        }
        if (!toRead.isEmpty()) {
            // Read whole, stock and flag included: these copies are at least as new as the versions read above.
            List<Product> read = readWhole.apply(toRead);
            read.forEach(book -> books.put(book.id().value(), book));
            read.forEach(book -> found.put(book.id().value(), book));
        }
        return versions.stream()
                .map(version -> found.get(version.id()))
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * Drops the copy now and again once the transaction is over. The update time is the version copies are checked
     * against; a clock that stood still (or a write rolled back after this transaction read the book) must not leave an
     * old copy under the same version.
     */
    void forget(UUID id) {
        books.invalidate(id);
        whenDone.accept(() -> books.invalidate(id));
    }

    /** Drops the copy at once, whatever transaction the calling thread is in. */
    void forgetNow(UUID id) {
        books.invalidate(id);
    }

    /** Drops every copy: after notifications may have been missed. */
    void forgetAll() {
        books.invalidateAll();
    }

    private static Product withCurrent(Product kept, int stock, boolean active) {
        if (kept.stock() == stock && kept.active() == active) {
            return kept;
        }
        return Product.rehydrate(
                kept.id(),
                kept.slug(),
                kept.details(),
                Price.of(kept.price()),
                Stock.of(stock),
                active,
                kept.categories(),
                kept.createdAt(),
                kept.updatedAt(),
                kept.version());
    }
}
