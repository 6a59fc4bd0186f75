package dev.bookshop.adapters.persistence.jooq;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Every catalogue cache of one process (the primary's and, with a read replica, the replica's), so a write forgets
 * them all and a notification from another instance reaches them all. A write forgets here at once and tells the
 * other instances with {@code NOTIFY} on {@link #CHANNEL} in its own transaction, so they hear of it exactly when it
 * commits; {@link CatalogueListener} brings what they hear here.
 */
public final class CatalogueCaches {

    /** The PostgreSQL notification channel of catalogue writes; the payload is the book's id. */
    public static final String CHANNEL = "bookshop_catalogue";

    private final Duration lifetime;

    private final List<KnownPages> pages = new CopyOnWriteArrayList<>();

    private final List<KeptBooks> books = new CopyOnWriteArrayList<>();

    private final AtomicLong notifications = new AtomicLong();

    /** Pages kept for the default lifetime. */
    public CatalogueCaches() {
        this(KnownPages.LIFETIME);
    }

    /** Pages and counts kept for {@code lifetime} at most, when nothing forgets them sooner. */
    public CatalogueCaches(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
        }
        this.lifetime = lifetime;
    }

    KnownPages newPages(Consumer<Runnable> whenDone, Duration settle) {
        KnownPages known = new KnownPages(whenDone, Ticker.systemTicker(), lifetime, settle);
        pages.add(known);
        return known;
    }

    KeptBooks newBooks(Consumer<Runnable> whenDone) {
        KeptBooks kept = new KeptBooks(whenDone);
        books.add(kept);
        return kept;
    }

    /** A write in the writer's transaction: every page forgotten now and again once {@code whenDone} runs. */
    void forget(Consumer<Runnable> whenDone) {
        for (KnownPages known : pages) {
            known.forgetNow();
            whenDone.accept(known::forgetNow);
        }
    }

    /** A write whose old answers stay right until it commits: forgotten once {@code whenDone} runs. */
    void forgetOnceDone(Consumer<Runnable> whenDone) {
        for (KnownPages known : pages) {
            whenDone.accept(known::forgetNow);
        }
    }

    /** A book's copies, now and once {@code whenDone} runs. */
    void forgetBook(UUID id, Consumer<Runnable> whenDone) {
        for (KeptBooks kept : books) {
            kept.forgetNow(id);
            whenDone.accept(() -> kept.forgetNow(id));
        }
    }

    /** Another instance committed a catalogue write: {@code payload} names the book, if it is an id. */
    public void heard(String payload) {
        pages.forEach(KnownPages::forgetNow);
        Optional<UUID> id = idOf(payload);
        id.ifPresent(book -> books.forEach(kept -> kept.forgetNow(book)));
        notifications.incrementAndGet();
    }

    /** How many notifications were heard. */
    long notificationsHeard() {
        return notifications.get();
    }

    /** Forgets everything: notifications may have been missed (the listening connection was lost). */
    public void forgetEverything() {
        pages.forEach(KnownPages::forgetNow);
        books.forEach(KeptBooks::forgetAll);
    }

    private static Optional<UUID> idOf(String payload) {
        try {
            return Optional.of(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
