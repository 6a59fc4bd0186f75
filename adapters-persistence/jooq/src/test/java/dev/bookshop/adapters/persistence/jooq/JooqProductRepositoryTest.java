package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.T0;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.book;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.category;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Slug;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JooqProductRepositoryTest extends DatabaseTest {

    private Category fantasy;
    private Category classics;

    private void storeCategories() {
        fantasy = category("Fantasy");
        classics = category("Classics");
        ports.categories().insertIfSlugFree(fantasy);
        ports.categories().insertIfSlugFree(classics);
    }

    private Product store(Product product) {
        assertThat(ports.products().insertIfSlugFree(product)).isTrue();
        return product;
    }

    private static Product detailed(String title, String author, String series, String description, long price) {
        return Product.create(
                ProductId.of(UUID.randomUUID()),
                Slug.fromText(title),
                new BookDetails(
                        title, author, Optional.ofNullable(series), Optional.ofNullable(description), Optional.empty()),
                Price.ofCents(price),
                Stock.of(5),
                List.of(),
                T0);
    }

    @Test
    void aBookReadAgainShowsAnotherInstancesWritesAtOnce() {
        storeCategories();
        ProductRepository other = JooqPersistence.create(db.dataSource()).products();
        Product book = store(book("Dune", "Frank Herbert", 999, 4, fantasy));
        assertThat(other.findBySlug(book.slug())).contains(book);
        assertThat(other.findAllById(List.of(book.id()))).containsExactly(book);

        Instant later = T0.plus(Duration.ofMinutes(1));
        Product changed = book.withPrice(Price.ofCents(1_499), later).withCategories(List.of(classics), later);
        ports.products().update(changed);
        assertThat(ports.products().adjustStock(book.id(), -3)).hasValue(1);

        Product seen = other.findById(book.id()).orElseThrow();
        assertThat(seen.price()).isEqualTo(Money.ofCents(1_499));
        assertThat(seen.categories()).containsExactly(classics);
        assertThat(seen.stock()).isEqualTo(1);
        assertThat(other.findBySlug(book.slug())).contains(seen);

        ports.products().decrementStock(book.id(), 1);
        ports.products().update(changed.activated(false, later.plusSeconds(1)));
        Product withdrawn = other.findAllById(List.of(book.id())).getFirst();
        assertThat(withdrawn.stock()).isZero();
        assertThat(withdrawn.active()).isFalse();
    }

    @Test
    void aBookBeingChangedMeanwhileIsNeverMissingFromAnAnswer() throws Exception {
        Product book = store(book("Dune", "Frank Herbert", 999, 4));
        int rounds = 1_500;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<?> writer = pool.submit(() -> {
                for (int i = 1; i <= rounds; i++) {
                    ports.products().update(book.withPrice(Price.ofCents(1_000 + i), T0.plusMillis(i)));
                }
            });
            Future<Integer> reader = pool.submit(() -> {
                int missing = 0;
                for (int i = 0; i < rounds; i++) {
                    if (ports.products().findById(book.id()).isEmpty()
                            || ports.products().findAllById(List.of(book.id())).isEmpty()) {
                        missing++;
                    }
                }
                return missing;
            });
            writer.get();
            assertThat(reader.get()).as("answers without the book").isZero();
        }
        assertThat(ports.products().findById(book.id()).orElseThrow().price()).isEqualTo(Money.ofCents(1_000 + rounds));
    }

    @Test
    void aRolledBackChangeReadInsideItsTransactionIsNotServedAfterwards() {
        Product book = store(book("Dune", "Frank Herbert", 999, 4));
        Product dearer = book.withPrice(Price.ofCents(5_000), T0);

        assertThatThrownBy(() -> ports.transactions().inTransaction((Runnable) () -> {
                    ports.products().update(dearer);
                    assertThat(ports.products()
                                    .findById(book.id())
                                    .orElseThrow()
                                    .price())
                            .isEqualTo(Money.ofCents(5_000));
                    throw new IllegalStateException("the use case failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(ports.products().findById(book.id())).contains(book);
    }

    @Test
    void searchRanksTitleAndAuthorAboveDescriptionAndSkipsInactiveBooks() {
        Product inDescription = store(detailed("Cooking", "A. Chef", null, "A dragon would love this kitchen.", 500));
        Product inTitle = store(detailed("The Dragon Reborn", "Robert Jordan", "The Wheel of Time", null, 900));
        store(detailed("Dragon Hidden", "Nobody", null, null, 900).activated(false, T0));
        store(detailed("Unrelated", "Nobody", null, null, 900));

        var page = ports.products().search("dragon", PageRequest.first(), Optional.empty(), 10_000);

        assertThat(page.items()).containsExactly(inTitle, inDescription);
        assertThat(page.total()).isEqualTo(2);
        assertThat(ports.products()
                        .search("wheel time", PageRequest.first(), Optional.empty(), 10_000)
                        .items())
                .containsExactly(inTitle);
        assertThat(ports.products()
                        .search("\"no such words\"", PageRequest.first(), Optional.empty(), 10_000)
                        .items())
                .isEmpty();
    }

    private static Boolean get(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
