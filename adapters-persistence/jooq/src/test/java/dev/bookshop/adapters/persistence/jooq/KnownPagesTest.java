package dev.bookshop.adapters.persistence.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.ProductSort;
import dev.bookshop.application.shared.query.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The forget protocol of the known pages, driven directly: no database, a hand-ended transaction and clock. */
class KnownPagesTest {

    private final List<Runnable> atTransactionEnd = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final KnownPages known = new KnownPages(atTransactionEnd::add, nanos::get);
    private final AtomicInteger finds = new AtomicInteger();

    private KnownPages.PageOfIds find() {
        finds.incrementAndGet();
        return new KnownPages.PageOfIds(List.of(UUID.randomUUID()), 1);
    }

    private void endTransaction() {
        atTransactionEnd.forEach(Runnable::run);
        atTransactionEnd.clear();
    }

    @Test
    void aPageFoundOnceIsKeptForItsLifetimeOnly() {
        KnownPages.PageOfIds first = known.page("key", this::find);

        nanos.addAndGet(KnownPages.LIFETIME.minusMillis(1).toNanos());
        assertThat(known.page("key", this::find)).isSameAs(first);
        assertThat(finds).hasValue(1);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(known.page("key", this::find)).isNotSameAs(first);
        assertThat(finds).hasValue(2);
    }

    @Test
    void aWriteForgetsEveryPageAndCount() {
        known.page("key", this::find);
        known.count(ProductQuery.all(), () -> 7);

        known.forget();

        known.page("key", this::find);
        assertThat(finds).hasValue(2);
        assertThat(known.count(ProductQuery.all(), () -> 8)).isEqualTo(8);
    }

    @Test
    void aPageFoundWhileAWriteEndedIsUsedOnceButNotKept() {
        KnownPages.PageOfIds meanwhile = known.page("key", () -> {
            KnownPages.PageOfIds page = find();
            known.forget();
            endTransaction();
            return page;
        });

        assertThat(known.page("key", this::find)).isNotSameAs(meanwhile);
        assertThat(finds).hasValue(2);
    }

    @Test
    void aCountFoundWhileAWriteEndedIsUsedOnceButNotKept() {
        long meanwhile = known.count(ProductQuery.all(), () -> {
            known.forget();
            return 7;
        });

        assertThat(meanwhile).isEqualTo(7);
        assertThat(known.count(ProductQuery.all(), () -> 8)).isEqualTo(8);
    }

    @Test
    void aPageFoundBeforeTheWritingTransactionEndedIsForgottenWhenItEnds() {
        known.forget();
        KnownPages.PageOfIds beforeTheCommit = known.page("key", this::find);
        assertThat(known.page("key", this::find)).isSameAs(beforeTheCommit);

        endTransaction();

        assertThat(known.page("key", this::find)).isNotSameAs(beforeTheCommit);
    }

    @Test
    void aBookBackInStockForgetsThePagesOnlyOnceItsTransactionEnds() {
        KnownPages.PageOfIds kept = known.page("key", this::find);

        known.forgetOnceDone();
        assertThat(known.page("key", this::find)).isSameAs(kept);

        endTransaction();
        assertThat(known.page("key", this::find)).isNotSameAs(kept);
    }

    @Test
    void aCountIsSharedByEveryPageAndOrderOfTheSameFilters() {
        known.count(ProductQuery.all(), () -> 7);

        ProductQuery laterPageOtherOrder =
                ProductQuery.all().withPage(PageRequest.of(3, 50)).withSort(ProductSort.PRICE_DESC);
        assertThat(known.count(laterPageOtherOrder, () -> 8)).isEqualTo(7);
        assertThat(known.count(ProductQuery.all().withInactive(true), () -> 9)).isEqualTo(9);
    }
}
