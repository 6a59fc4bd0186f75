package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.catalog.query.Listing;
import dev.bookshop.application.catalog.query.ListingKey;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.ProductSort;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every adapter's {@code CatalogueSearch} must do at any catalogue size, shown with a small window (the shop's is
 * 10,000): totals exact up to the window and capped past it, pages by keys that neither repeat nor skip a book while
 * others are inserted (between pages, and from another thread while the walk runs), in every order, for lists by
 * author (read from the books) and by category (read from the shelves, whose copied keys the store keeps current), and
 * for search.
 */
public abstract class CatalogueListingContract extends PersistenceContract {

    private static final int WINDOW = 50;

    /** Generous: only a deadlock or a lost wake-up gets near it. Nothing asserts on time. */
    private static final long GIVE_UP_MINUTES = 2;

    @Test
    void totalIsExactUpToTheWindowAndCappedPastIt() {
        String author = "Author " + TestData.word();
        Category shelf = givenCategory();
        for (int i = 0; i < WINDOW + 5; i++) {
            givenProduct(book(i).author(author).categories(shelf).build());
        }
        for (ProductQuery query : List.of(byAuthor(author), byCategory(shelf))) {
            Listing capped = list(query.withPage(PageRequest.of(2, 10)), Optional.empty(), WINDOW);
            assertThat(capped.total()).isEqualTo(WINDOW);
            assertThat(capped.totalExact()).isFalse();
            assertThat(capped.items()).hasSize(10);

            Listing exact = list(query, Optional.empty(), WINDOW + 10);
            assertThat(exact.total()).isEqualTo(WINDOW + 5);
            assertThat(exact.totalExact()).isTrue();
        }
    }

    @Test
    void theLastNumberedPageAndAnEmptyListTellTheirTotal() {
        String author = "Author " + TestData.word();
        for (int i = 0; i < 7; i++) {
            givenProduct(book(i).author(author).build());
        }

        Listing last = list(byAuthor(author).withPage(PageRequest.of(2, 5)), Optional.empty(), WINDOW);
        assertThat(last.items()).hasSize(2);
        assertThat(last.total()).isEqualTo(7);
        assertThat(last.continueAfter()).isEmpty();

        Listing none = list(byAuthor("Nobody " + TestData.word()), Optional.empty(), WINDOW);
        assertThat(none.items()).isEmpty();
        assertThat(none.total()).isZero();
        assertThat(none.totalExact()).isTrue();
        assertThat(none.continueAfter()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ProductSort.class)
    void aWalkByAuthorShowsEveryBookOnceWhileBooksAreAdded(ProductSort sort) {
        String author = "Author " + TestData.word();
        List<ProductId> before = givenBooks(23, i -> book(i).author(author).build());

        List<ProductId> walked = walk(byAuthor(author).withSort(sort), 4, () -> {
            for (int i = 0; i < 3; i++) {
                givenProduct(book(100 + i).author(author).build());
            }
        });

        assertWalkedOnce(walked, before);
    }

    @ParameterizedTest
    @EnumSource(ProductSort.class)
    void aWalkByCategoryShowsEveryBookOnceWhileBooksAreAdded(ProductSort sort) {
        Category shelf = givenCategory();
        List<ProductId> before = givenBooks(23, i -> book(i).categories(shelf).build());
        givenBooks(3, i -> book(i).categories(givenCategory()).build());

        List<ProductId> walked = walk(byCategory(shelf).withSort(sort), 5, () -> {
            for (int i = 0; i < 3; i++) {
                givenProduct(book(200 + i).categories(shelf).build());
            }
        });

        assertWalkedOnce(walked, before);
    }

    @ParameterizedTest
    @EnumSource(ProductSort.class)
    void aWalkByAuthorNeverRepeatsOrSkipsABookWhileAnotherThreadAddsBooks(ProductSort sort) throws Exception {
        String author = "Author " + TestData.word();

        assertWalkSurvivesInsertsFromAnotherThread(byAuthor(author).withSort(sort), builder -> builder.author(author));
    }

    @ParameterizedTest
    @EnumSource(ProductSort.class)
    void aWalkByCategoryNeverRepeatsOrSkipsABookWhileAnotherThreadAddsBooks(ProductSort sort) throws Exception {
        Category shelf = givenCategory();

        assertWalkSurvivesInsertsFromAnotherThread(
                byCategory(shelf).withSort(sort), builder -> builder.categories(shelf));
    }

    @Test
    void aWalkByCategoryInStockWithinPricesKeepsItsFilters() {
        Category shelf = givenCategory();
        List<ProductId> fitting = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            boolean inStock = i % 3 != 0;
            long price = 1000 + i * 10L;
            Product book = givenProduct(book(i).categories(shelf)
                    .stock(inStock ? 2 : 0)
                    .priceCents(price)
                    .build());
            if (inStock && price <= 1200) {
                fitting.add(book.id());
            }
        }
        ProductQuery query = new ProductQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.of(shelf.slug()),
                Optional.empty(),
                Optional.of(Money.ofCents(1200)),
                true,
                false,
                ProductSort.PRICE_DESC,
                PageRequest.first());

        List<ProductId> walked = walk(query, 3, () -> {});

        assertThat(walked).containsExactlyInAnyOrderElementsOf(fitting);
    }

    @Test
    void aCategoryListFollowsItsBooksTitlesPricesStockAndActiveFlag() {
        Category shelf = givenCategory();
        Product first = givenProduct(
                TestData.product().title("A first").categories(shelf).stock(1).build());
        Product second = givenProduct(
                TestData.product().title("B second").categories(shelf).build());
        Product third = givenProduct(
                TestData.product().title("C third").categories(shelf).build());

        inTx(() -> ports.products()
                .update(first.withDetails(
                        new BookDetails(
                                "D renamed",
                                first.details().author(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        TestData.now().plusSeconds(1))));
        assertThat(ids(list(byCategory(shelf), Optional.empty(), WINDOW)))
                .containsExactly(second.id(), third.id(), first.id());

        inTx(() -> ports.products().decrementStock(first.id(), 1));
        assertThat(ids(list(byCategory(shelf).withInStock(), Optional.empty(), WINDOW)))
                .containsExactly(second.id(), third.id());

        inTx(() ->
                ports.products().update(second.activated(false, TestData.now().plusSeconds(2))));
        inTx(() -> ports.products()
                .update(third.withPrice(
                        dev.bookshop.domain.catalog.Price.ofCents(1),
                        TestData.now().plusSeconds(3))));
        assertThat(ids(list(byCategory(shelf).withSort(ProductSort.PRICE), Optional.empty(), WINDOW)))
                .containsExactly(third.id(), first.id());
    }

    @Test
    void aSearchWalkShowsEveryMatchOnceInRankOrderWhileBooksAreAdded() {
        String word = TestData.word();
        List<ProductId> before = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            // Three levels of relevance: the word in the title, in the series, only in the description.
            var builder = book(i);
            switch (i % 3) {
                case 0 -> builder.title("The " + word + " " + i);
                case 1 -> builder.series("Tales of " + word);
                default -> builder.description("Somewhere a " + word + " waits.");
            }
            before.add(givenProduct(builder.build()).id());
        }

        List<ProductId> walked = searchWalk(word, 4, () -> {
            for (int i = 0; i < 3; i++) {
                givenProduct(book(300 + i).title(word + " again " + i).build());
            }
        });

        assertWalkedOnce(walked, before);
        Listing firstPage = search(word, PageRequest.of(1, 21), Optional.empty(), WINDOW);
        assertThat(firstPage.items().subList(0, 7))
                .allSatisfy(book -> assertThat(book.title()).contains(word));
    }

    @Test
    void aSearchRanksAtMostTheWindowOfItsMatches() {
        String word = TestData.word();
        for (int i = 0; i < WINDOW + 5; i++) {
            givenProduct(book(i).title("A " + word + " " + i).build());
        }

        Listing first = search(word, PageRequest.of(1, 10), Optional.empty(), WINDOW);
        assertThat(first.total()).isEqualTo(WINDOW);
        assertThat(first.totalExact()).isFalse();

        List<ProductId> walked = searchWalk(word, 10, () -> {});
        assertThat(walked).hasSize(WINDOW).doesNotHaveDuplicates();

        assertThat(search(word, PageRequest.first(), Optional.empty(), WINDOW + 10)
                        .totalExact())
                .isTrue();
    }

    // ---- helpers

    private static TestData.ProductBuilder book(int i) {
        return TestData.product()
                .title("Book " + (char) ('a' + i % 26) + " " + TestData.word())
                .priceCents(1000 + (i * 37L) % 11 * 10)
                .createdAt(TestData.now().minusSeconds(i % 5));
    }

    private List<ProductId> givenBooks(int count, Function<Integer, Product> book) {
        List<ProductId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(givenProduct(book.apply(i)).id());
        }
        return ids;
    }

    /** Every page by cursor from the first; {@code meanwhile} runs once, after the second page. */
    private List<ProductId> walk(ProductQuery query, int size, Runnable meanwhile) {
        return walk(after -> list(query.withPage(PageRequest.of(1, size)), after, WINDOW), meanwhile);
    }

    private List<ProductId> searchWalk(String word, int size, Runnable meanwhile) {
        return walk(after -> search(word, PageRequest.of(1, size), after, WINDOW), meanwhile);
    }

    private static List<ProductId> walk(Function<Optional<ListingKey>, Listing> page, Runnable meanwhile) {
        List<ProductId> walked = new ArrayList<>();
        Optional<ListingKey> after = Optional.empty();
        for (int pages = 0; pages < 100; pages++) {
            Listing found = page.apply(after);
            walked.addAll(ids(found));
            if (pages == 1) {
                meanwhile.run();
            }
            if (found.continueAfter().isEmpty()) {
                return walked;
            }
            assertThat(found.continueAfter().get().id())
                    .isEqualTo(found.items().getLast().id().value());
            after = found.continueAfter();
        }
        throw new AssertionError("the walk did not end");
    }

    /** Where a book added during a walk falls in every order: before its first book, among its books, after its last. */
    private enum Place {
        FIRST_OR_LAST("A", 1, -1),
        AMONG("Book m", 1500, 0),
        LAST_OR_FIRST("Z", Price.MAX_CENTS, 1);

        final String title;
        final long priceCents;
        final int days;

        Place(String title, long priceCents, int days) {
            this.title = title;
            this.priceCents = priceCents;
            this.days = days;
        }
    }

    /**
     * A walk by cursor while another thread adds matching books, in every batch one before the walk's first book, one
     * among its books and one after its last (in any order, ascending or descending). The walk lets the other thread
     * go after its first page and waits, twice, until it has added a batch, so books are added while pages are read.
     * It must show every book that was there when it started, once, and nothing but those and some of the new ones.
     */
    private void assertWalkSurvivesInsertsFromAnotherThread(
            ProductQuery query, UnaryOperator<TestData.ProductBuilder> matching) throws Exception {
        List<ProductId> before = givenBooks(24, i -> matching.apply(book(i)).build());
        Set<ProductId> added = ConcurrentHashMap.newKeySet();
        CountDownLatch started = new CountDownLatch(1);
        Semaphore batches = new Semaphore(0);
        AtomicBoolean walking = new AtomicBoolean(true);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> adding = other.submit(() -> {
                started.await();
                for (int batch = 0; batch < 10 && walking.get(); batch++) {
                    for (Place place : Place.values()) {
                        added.add(givenProduct(matching.apply(TestData.product()
                                                .title(place.title + " " + batch + " " + TestData.word())
                                                .priceCents(place.priceCents)
                                                .createdAt(TestData.now().plus(Duration.ofDays(place.days))))
                                        .build())
                                .id());
                    }
                    batches.release();
                }
                return null;
            });

            List<ProductId> walked = new ArrayList<>();
            Optional<ListingKey> after = Optional.empty();
            for (int pages = 0; ; pages++) {
                Listing found = list(query.withPage(PageRequest.of(1, 4)), after, WINDOW);
                walked.addAll(ids(found));
                if (pages == 0) {
                    started.countDown();
                }
                if (pages == 1 || pages == 3) {
                    assertThat(batches.tryAcquire(GIVE_UP_MINUTES, TimeUnit.MINUTES))
                            .as("the other thread added a batch")
                            .isTrue();
                }
                if (found.continueAfter().isEmpty()) {
                    break;
                }
                assertThat(pages).as("the walk ends").isLessThan(100);
                after = found.continueAfter();
            }
            walking.set(false);
            adding.get(GIVE_UP_MINUTES, TimeUnit.MINUTES);

            assertThat(walked).doesNotHaveDuplicates().containsAll(before);
            Set<ProductId> extra = new HashSet<>(walked);
            before.forEach(extra::remove);
            assertThat(added)
                    .hasSizeGreaterThanOrEqualTo(2 * Place.values().length)
                    .containsAll(extra);
        } finally {
            walking.set(false);
            other.shutdownNow();
        }
    }

    private static void assertWalkedOnce(List<ProductId> walked, List<ProductId> before) {
        assertThat(walked).doesNotHaveDuplicates().containsAll(before);
        Set<ProductId> extra = new HashSet<>(walked);
        before.forEach(extra::remove);
        assertThat(extra).hasSizeLessThanOrEqualTo(3);
    }

    private static List<ProductId> ids(Listing listing) {
        return listing.items().stream().map(Product::id).toList();
    }

    private Listing list(ProductQuery query, Optional<ListingKey> after, int window) {
        return inTx(() -> ports.products().list(query, after, window));
    }

    private Listing search(String text, PageRequest page, Optional<ListingKey> after, int window) {
        return inTx(() -> ports.products().search(text, page, after, window));
    }

    private static ProductQuery byAuthor(String author) {
        return ProductQuery.all().withAuthor(author);
    }

    private static ProductQuery byCategory(Category category) {
        return ProductQuery.all().withCategory(category.slug());
    }
}
