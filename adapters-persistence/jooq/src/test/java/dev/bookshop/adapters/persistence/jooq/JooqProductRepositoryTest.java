package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.T0;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.book;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.category;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.ProductSort;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Isbn;
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
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
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
    void stores_a_book_with_its_categories_and_refuses_a_taken_slug() {
        storeCategories();
        Product hobbit = Product.create(
                ProductId.of(UUID.randomUUID()),
                new Slug("the-hobbit"),
                new BookDetails(
                        "The Hobbit",
                        "J. R. R. Tolkien",
                        Optional.of("Middle-earth"),
                        Optional.of("There and back."),
                        Optional.of(Isbn.of("978-0-261-10221-7"))),
                Price.ofCents(1_299),
                Stock.of(3),
                List.of(fantasy, classics),
                T0);
        store(hobbit);

        assertThat(ports.products().insertIfSlugFree(book("The Hobbit", "Someone Else", 500, 1)))
                .isFalse();
        assertThat(ports.products().findById(hobbit.id())).contains(hobbit);
        assertThat(ports.products().findBySlug(new Slug("the-hobbit"))).contains(hobbit);
        assertThat(ports.products().findAllById(List.of(hobbit.id(), ProductId.of(UUID.randomUUID()))))
                .containsExactly(hobbit);
    }

    @Test
    void update_writes_details_price_flag_and_categories_but_never_stock() {
        storeCategories();
        Product book = store(book("Dune", "Frank Herbert", 999, 4, fantasy));
        Instant later = T0.plus(Duration.ofHours(1));
        Product changed = book.withPrice(Price.ofCents(1_499), later)
                .withCategories(List.of(classics), later)
                .activated(false, later)
                .withStoredStock(Stock.of(99));

        ports.products().update(changed);

        Product stored = ports.products().findById(book.id()).orElseThrow();
        assertThat(stored.price()).isEqualTo(Money.ofCents(1_499));
        assertThat(stored.categories()).containsExactly(classics);
        assertThat(stored.active()).isFalse();
        assertThat(stored.updatedAt()).isEqualTo(later);
        assertThat(stored.stock()).isEqualTo(4);
    }

    @Test
    void a_book_read_again_shows_another_instances_writes_at_once() {
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
    void a_book_being_changed_meanwhile_is_never_missing_from_an_answer() throws Exception {
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
    void a_rolled_back_change_read_inside_its_transaction_is_not_served_afterwards() {
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
    void lists_with_filters_sorts_and_pages() {
        storeCategories();
        Product a = store(detailed("Anathem", "Neal Stephenson", null, null, 2_000));
        Product b = store(detailed("Book of Dust", "Philip Pullman", "His Dark Materials", null, 1_500));
        Product c = store(detailed("Clockwork", "Philip Pullman", null, null, 800));
        Product hidden =
                store(detailed("Dark Book", "Philip Pullman", null, null, 900).activated(false, T0));
        Product withCategory = store(book("Emma", "Jane Austen", 700, 0, classics));

        ProductQuery all = ProductQuery.all();
        assertThat(ports.products().find(all).items()).containsExactly(a, b, c, withCategory);
        assertThat(ports.products().find(all).total()).isEqualTo(4);
        assertThat(ports.products().find(all.withSort(ProductSort.PRICE)).items())
                .containsExactly(withCategory, c, b, a);
        assertThat(ports.products()
                        .find(all.withSort(ProductSort.PRICE_DESC).withPage(PageRequest.of(2, 3)))
                        .items())
                .containsExactly(withCategory);
        assertThat(ports.products().find(all.withInactive(true)).total()).isEqualTo(5);
        assertThat(ports.products()
                        .find(all.withInactive(true).withSort(ProductSort.TITLE_DESC))
                        .items()
                        .getFirst())
                .isEqualTo(withCategory);
        assertThat(ports.products().find(all.withInactive(true)).items()).contains(hidden);

        ProductQuery pullman = new ProductQuery(
                Optional.empty(),
                Optional.of("PHILIP PULLMAN"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(Money.ofCents(1_000)),
                false,
                false,
                ProductSort.TITLE,
                PageRequest.first());
        assertThat(ports.products().find(pullman).items()).containsExactly(c);

        ProductQuery seriesAndStock = new ProductQuery(
                Optional.of("his dark materials"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(Money.ofCents(1_500)),
                Optional.empty(),
                true,
                false,
                ProductSort.NEWEST,
                PageRequest.first());
        assertThat(ports.products().find(seriesAndStock).items()).containsExactly(b);

        ProductQuery inClassics = new ProductQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.of(new Slug("classics")),
                Optional.empty(),
                Optional.empty(),
                false,
                false,
                ProductSort.TITLE,
                PageRequest.first());
        assertThat(ports.products().find(inClassics).items()).containsExactly(withCategory);
        assertThat(ports.products()
                        .find(inClassics.withPage(PageRequest.of(3, 10)))
                        .total())
                .isEqualTo(1);
    }

    @Test
    void search_ranks_title_and_author_above_description_and_skips_inactive_books() {
        Product inDescription = store(detailed("Cooking", "A. Chef", null, "A dragon would love this kitchen.", 500));
        Product inTitle = store(detailed("The Dragon Reborn", "Robert Jordan", "The Wheel of Time", null, 900));
        store(detailed("Dragon Hidden", "Nobody", null, null, 900).activated(false, T0));
        store(detailed("Unrelated", "Nobody", null, null, 900));

        var page = ports.products().search("dragon", PageRequest.first());

        assertThat(page.items()).containsExactly(inTitle, inDescription);
        assertThat(page.total()).isEqualTo(2);
        assertThat(ports.products().search("wheel time", PageRequest.first()).items())
                .containsExactly(inTitle);
        assertThat(ports.products()
                        .search("\"no such words\"", PageRequest.first())
                        .items())
                .isEmpty();
    }

    @Test
    void stock_moves_only_conditionally() {
        Product book = store(book("Stock", "Author", 500, 3));
        ProductId missing = ProductId.of(UUID.randomUUID());

        assertThat(ports.products().decrementStock(book.id(), 2)).isTrue();
        assertThat(ports.products().decrementStock(book.id(), 2)).isFalse();
        ports.products().incrementStock(book.id(), 4);
        assertThat(ports.products().adjustStock(book.id(), -5)).isEqualTo(OptionalInt.of(0));
        assertThat(ports.products().adjustStock(book.id(), -1)).isEmpty();
        assertThat(ports.products().setStock(book.id(), Stock.of(7))).isEqualTo(OptionalInt.of(7));
        assertThat(ports.products().setStock(missing, Stock.of(7))).isEmpty();
        assertThat(ports.products().adjustStock(missing, 1)).isEmpty();
        assertThat(ports.products().findById(book.id()).orElseThrow().stock()).isEqualTo(7);
    }

    @Test
    void concurrent_decrements_never_oversell() throws Exception {
        Product book = store(book("Last Copies", "Author", 500, 5));
        Callable<Boolean> takeOne =
                () -> ports.transactions().inTransaction(() -> ports.products().decrementStock(book.id(), 1));

        List<Boolean> outcomes;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> futures =
                    pool.invokeAll(IntStream.range(0, 20).mapToObj(i -> takeOne).toList());
            outcomes = futures.stream().map(JooqProductRepositoryTest::get).toList();
        }

        assertThat(outcomes.stream().filter(Boolean::booleanValue)).hasSize(5);
        assertThat(ports.products().findById(book.id()).orElseThrow().stock()).isZero();
    }

    private static Boolean get(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
