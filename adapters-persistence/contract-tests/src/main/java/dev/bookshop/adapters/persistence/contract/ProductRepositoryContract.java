package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.catalog.query.Listing;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.ProductSort;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every adapter's {@code ProductRepository} must do: round trips, unique slugs, stock that only moves through
 * the conditional operations, and the catalogue's filters, orders, pages and search. List cases scope themselves by a
 * fresh author or word, so other rows in the store cannot disturb them.
 */
public abstract class ProductRepositoryContract extends PersistenceContract {

    // ---- round trips and slugs

    @Test
    void roundTripsEveryField() {
        Category fantasy = givenCategory();
        Category classics = givenCategory();
        Instant created = TestData.now().minusSeconds(7200);
        Product product = TestData.product()
                .title("The Hobbit " + TestData.word())
                .author("J. R. R. Tolkien")
                .series("Middle-earth")
                .description("In a hole in the ground there lived a hobbit.")
                .isbn("978-0-261-10221-7")
                .priceCents(1999)
                .stock(7)
                .categories(fantasy, classics)
                .createdAt(created)
                .build();
        Product edited = Product.rehydrate(
                product.id(),
                product.slug(),
                product.details(),
                Price.of(product.price()),
                Stock.of(product.stock()),
                false,
                product.categories(),
                created,
                created.plusSeconds(90),
                41);

        givenProduct(edited);

        inTx(() -> {
            assertThat(ports.products().findById(product.id())).contains(edited);
            assertThat(ports.products().findBySlug(product.slug())).contains(edited);
        });
    }

    @Test
    void roundTripsAProductWithoutOptionalFieldsOrCategories() {
        Product product = TestData.product().stock(0).build();

        givenProduct(product);

        Product found = inTx(() -> ports.products().findById(product.id())).orElseThrow();
        assertThat(found).isEqualTo(product);
        assertThat(found.details().series()).isEmpty();
        assertThat(found.details().description()).isEmpty();
        assertThat(found.details().isbn()).isEmpty();
        assertThat(found.categories()).isEmpty();
    }

    @Test
    void findsNothingForUnknownIdsAndSlugs() {
        givenProduct();

        inTx(() -> {
            assertThat(ports.products().findById(ProductId.of(UUID.randomUUID())))
                    .isEmpty();
            assertThat(ports.products().findBySlug(TestData.slug())).isEmpty();
        });
    }

    @Test
    void refusesATakenSlugAndWritesNothing() {
        Product first = givenProduct();
        Product clash = TestData.product().slug(first.slug()).build();

        boolean inserted = inTx(() -> ports.products().insertIfSlugFree(clash));

        assertThat(inserted).isFalse();
        inTx(() -> {
            assertThat(ports.products().findById(clash.id())).isEmpty();
            assertThat(ports.products().findBySlug(first.slug())).contains(first);
        });
    }

    @Test
    void findsAllByIdActiveOrNotSkippingUnknownIds() {
        Product active = givenProduct();
        Product inactive = givenProduct(TestData.product().inactive().build());
        Product notAsked = givenProduct();

        List<Product> found = inTx(() ->
                ports.products().findAllById(List.of(active.id(), inactive.id(), ProductId.of(UUID.randomUUID()))));

        assertThat(found).containsExactlyInAnyOrder(active, inactive).doesNotContain(notAsked);
        assertThat(inTx(() -> ports.products().findAllById(List.of()))).isEmpty();
    }

    // ---- update

    @Test
    void updateWritesDetailsPriceActiveFlagCategoriesAndUpdateTime() {
        Category kept = givenCategory();
        Category dropped = givenCategory();
        Category added = givenCategory();
        Product product =
                givenProduct(TestData.product().categories(kept, dropped).build());
        Instant later = product.updatedAt().plusSeconds(60);
        Product changed = product.withDetails(
                        new BookDetails(
                                "New title " + TestData.word(),
                                "New author",
                                Optional.of("New series"),
                                Optional.of("New description"),
                                Optional.empty()),
                        later)
                .withPrice(Price.ofCents(4321), later)
                .withCategories(List.of(kept, added), later)
                .activated(false, later);

        inTx(() -> ports.products().update(changed));

        Product found = inTx(() -> ports.products().findById(product.id())).orElseThrow();
        assertThat(found).isEqualTo(changed);
        assertThat(found.categories()).containsExactlyInAnyOrder(kept, added);
    }

    @Test
    void updateNeverWritesTheStock() {
        Product product = givenProduct(TestData.product().stock(10).build());
        inTx(() -> ports.products().decrementStock(product.id(), 3));
        Instant later = product.updatedAt().plusSeconds(60);
        Product staleCopy = product.withPrice(Price.ofCents(999), later).withStoredStock(Stock.of(500));

        inTx(() -> ports.products().update(staleCopy));

        Product found = inTx(() -> ports.products().findById(product.id())).orElseThrow();
        assertThat(found.stock()).isEqualTo(7);
        assertThat(found.price()).isEqualTo(Money.ofCents(999));
    }

    @Test
    void updateCanClearEveryCategory() {
        Product product =
                givenProduct(TestData.product().categories(givenCategory()).build());

        inTx(() -> ports.products().update(product.withCategories(List.of(), product.updatedAt())));

        assertThat(inTx(() -> ports.products().findById(product.id()))
                        .orElseThrow()
                        .categories())
                .isEmpty();
    }

    @Test
    void updateWritesTheVersionTheProductCarriesAndStockMovesLeaveItAlone() {
        Product product = givenProduct();
        Product edited =
                product.withPrice(Price.ofCents(777), product.updatedAt().plusSeconds(1));

        inTx(() -> ports.products().update(edited));
        inTx(() -> {
            ports.products().decrementStock(product.id(), 2);
            ports.products().incrementStock(product.id(), 1);
            ports.products().adjustStock(product.id(), 3);
            ports.products().setStock(product.id(), Stock.of(4));
        });

        Product found = inTx(() -> ports.products().findById(product.id())).orElseThrow();
        assertThat(found.version()).isEqualTo(Product.FIRST_VERSION + 1);
        assertThat(found.stock()).isEqualTo(4);
    }

    // ---- locking

    @Test
    void lockByIdReadsTheProductAsStoredAndNothingForUnknownIds() {
        Category shelf = givenCategory();
        Product product =
                givenProduct(TestData.product().categories(shelf).version(3).build());

        inTx(() -> {
            assertThat(ports.products().lockById(product.id())).contains(product);
            assertThat(ports.products().lockById(ProductId.of(UUID.randomUUID())))
                    .isEmpty();
        });
    }

    @Test
    void lockByIdSeesWhatThisTransactionWroteBeforeIt() {
        Product product = givenProduct(TestData.product().stock(5).build());
        Product edited =
                product.withPrice(Price.ofCents(999), product.updatedAt().plusSeconds(1));

        Product locked = inTx(() -> {
            ports.products().findById(product.id());
            ports.products().update(edited);
            ports.products().setStock(product.id(), Stock.of(8));
            return ports.products().lockById(product.id()).orElseThrow();
        });

        assertThat(locked).isEqualTo(edited.withStoredStock(Stock.of(8)));
    }

    @Test
    void readModifyWritesUnderLockByIdAreNeverLost() {
        Product product = givenProduct(TestData.product().stock(0).build());
        int threads = 20;

        Concurrently.run(
                threads,
                () -> inTx(() -> {
                    Product locked = ports.products().lockById(product.id()).orElseThrow();
                    ports.products().setStock(product.id(), Stock.of(locked.stock() + 1));
                    ports.products().update(locked.withPrice(Price.ofCents(1000 + locked.stock()), locked.updatedAt()));
                    return null;
                }));

        Product found = inTx(() -> ports.products().findById(product.id())).orElseThrow();
        assertThat(found.stock()).isEqualTo(threads);
        assertThat(found.version()).isEqualTo(Product.FIRST_VERSION + threads);
        assertThat(found.price()).isEqualTo(Money.ofCents(1000 + threads - 1));
    }

    @Test
    void aDecrementWaitsForTheLockAndTakesFromTheStockWrittenUnderIt() {
        Product product = givenProduct(TestData.product().stock(10).build());
        AtomicInteger next = new AtomicInteger();

        // Alternate threads write stock + 2 from what they read under the lock, or take one copy as checkout does.
        // Had a decrement slipped in between a read under the lock and its write, that copy would come back.
        List<Boolean> recounts = Concurrently.run(20, () -> {
            boolean recount = next.getAndIncrement() % 2 == 0;
            inTx(() -> {
                if (recount) {
                    Product locked = ports.products().lockById(product.id()).orElseThrow();
                    ports.products().setStock(product.id(), Stock.of(locked.stock() + 2));
                } else {
                    assertThat(ports.products().decrementStock(product.id(), 1)).isTrue();
                }
            });
            return recount;
        });

        long counted = recounts.stream().filter(Boolean::booleanValue).count();
        assertThat(stockOf(product)).isEqualTo((int) (10 + 2 * counted - (recounts.size() - counted)));
    }

    // ---- reserved copies

    @Test
    void reservedCopiesSumTheLinesOfOrdersThatReserveStock() {
        User customer = givenUser();
        Product product = givenProduct();
        Product other = givenProduct();
        Instant at = TestData.now().minusSeconds(60);
        givenOrder(TestData.order(customer.id(), at, TestData.item(product, 2), TestData.item(other, 5)));
        givenOrder(TestData.order(customer.id(), at, TestData.item(product, 3)));
        givenOrder(TestData.order(customer.id(), OrderStatus.PAID, at, TestData.item(product, 7)));
        givenOrder(TestData.order(customer.id(), OrderStatus.FAILED, at, TestData.item(product, 11)));

        inTx(() -> {
            assertThat(ports.products().reservedCopies(product.id())).isEqualTo(2 + 3);
            assertThat(ports.products().reservedCopies(other.id())).isEqualTo(5);
            assertThat(ports.products().reservedCopies(givenProductId())).isZero();
        });
    }

    @Test
    void anOrderStopsReservingOnceItFails() {
        User customer = givenUser();
        Product product = givenProduct();
        Order pending =
                givenOrder(TestData.order(customer.id(), TestData.now().minusSeconds(60), TestData.item(product, 4)));

        assertThat(inTx(() -> ports.products().reservedCopies(product.id()))).isEqualTo(4);
        inTx(() -> ports.orders().update(pending.markFailed()));
        assertThat(inTx(() -> ports.products().reservedCopies(product.id()))).isZero();
    }

    // ---- stock

    @Test
    void decrementTakesCopiesWhileEnoughAreInStock() {
        Product product = givenProduct(TestData.product().stock(5).build());

        boolean first = inTx(() -> ports.products().decrementStock(product.id(), 3));
        boolean toZero = inTx(() -> ports.products().decrementStock(product.id(), 2));

        assertThat(first).isTrue();
        assertThat(toZero).isTrue();
        assertThat(stockOf(product)).isZero();
    }

    @Test
    void decrementRefusesToGoBelowZeroAndChangesNothing() {
        Product product = givenProduct(TestData.product().stock(2).build());

        boolean taken = inTx(() -> ports.products().decrementStock(product.id(), 3));

        assertThat(taken).isFalse();
        assertThat(stockOf(product)).isEqualTo(2);
    }

    @Test
    void decrementOfAnUnknownProductTakesNothing() {
        assertThat(inTx(() -> ports.products().decrementStock(ProductId.of(UUID.randomUUID()), 1)))
                .isFalse();
    }

    @Test
    void incrementPutsCopiesBack() {
        Product product = givenProduct(TestData.product().stock(0).build());

        inTx(() -> ports.products().incrementStock(product.id(), 4));

        assertThat(stockOf(product)).isEqualTo(4);
    }

    @Test
    void incrementStopsAtTheLargestStock() {
        Product product = givenProduct(TestData.product().stock(Stock.MAX - 1).build());

        inTx(() -> ports.products().incrementStock(product.id(), 5));

        assertThat(stockOf(product)).isEqualTo(Stock.MAX);
    }

    @Test
    void adjustMovesStockEitherWayAndAnswersTheNewStock() {
        Product product = givenProduct(TestData.product().stock(5).build());

        OptionalInt up = inTx(() -> ports.products().adjustStock(product.id(), 3));
        OptionalInt down = inTx(() -> ports.products().adjustStock(product.id(), -8));

        assertThat(up).hasValue(8);
        assertThat(down).hasValue(0);
        assertThat(stockOf(product)).isZero();
    }

    @Test
    void adjustRefusesANegativeResultAndChangesNothing() {
        Product product = givenProduct(TestData.product().stock(5).build());

        OptionalInt answer = inTx(() -> ports.products().adjustStock(product.id(), -6));

        assertThat(answer).isEmpty();
        assertThat(stockOf(product)).isEqualTo(5);
    }

    @Test
    void adjustOfAnUnknownProductAnswersEmpty() {
        assertThat(inTx(() -> ports.products().adjustStock(ProductId.of(UUID.randomUUID()), 1)))
                .isEmpty();
    }

    @Test
    void setStockSetsItAndAnswersIt() {
        Product product = givenProduct(TestData.product().stock(5).build());

        OptionalInt answer = inTx(() -> ports.products().setStock(product.id(), Stock.of(42)));

        assertThat(answer).hasValue(42);
        assertThat(stockOf(product)).isEqualTo(42);
        assertThat(inTx(() -> ports.products().setStock(ProductId.of(UUID.randomUUID()), Stock.of(1))))
                .isEmpty();
    }

    @Test
    void stockOperationsLeaveEverythingElseAlone() {
        Product product = givenProduct(TestData.product().stock(5).build());

        inTx(() -> {
            ports.products().decrementStock(product.id(), 2);
            ports.products().incrementStock(product.id(), 1);
            ports.products().adjustStock(product.id(), 2);
        });

        Product found = inTx(() -> ports.products().findById(product.id())).orElseThrow();
        assertThat(found.stock()).isEqualTo(6);
        assertThat(found.details()).isEqualTo(product.details());
        assertThat(found.price()).isEqualTo(product.price());
        assertThat(found.slug()).isEqualTo(product.slug());
    }

    @Test
    void concurrentDecrementsNeverOversell() {
        Product product = givenProduct(TestData.product().stock(5).build());
        int threads = 50;

        List<Boolean> answers =
                Concurrently.run(threads, () -> inTx(() -> ports.products().decrementStock(product.id(), 1)));

        assertThat(answers).filteredOn(Boolean::booleanValue).hasSize(5);
        assertThat(stockOf(product)).isZero();
    }

    @Test
    void concurrentAdjustmentsAreNeverLost() {
        Product product = givenProduct(TestData.product().stock(0).build());
        int threads = 30;

        Concurrently.run(threads, () -> inTx(() -> ports.products().adjustStock(product.id(), 2)));

        assertThat(stockOf(product)).isEqualTo(2 * threads);
    }

    // ---- find: filters

    @Test
    void hidesInactiveProductsUnlessAskedFor() {
        String author = "Author " + TestData.word();
        Product active = givenProduct(TestData.product().author(author).build());
        Product inactive =
                givenProduct(TestData.product().author(author).inactive().build());
        ProductQuery byAuthor = query().author(author).build();

        assertThat(find(byAuthor).items()).containsExactly(active);
        assertThat(find(byAuthor.withInactive(true)).items()).containsExactlyInAnyOrder(active, inactive);
    }

    @Test
    void filtersByAuthorIgnoringCase() {
        String author = "Author " + TestData.word();
        Product match = givenProduct(TestData.product().author(author).build());
        givenProduct(TestData.product().author(author + " Junior").build());

        Page<Product> page =
                find(query().author(author.toUpperCase(Locale.ROOT)).build());

        assertThat(page.items()).containsExactly(match);
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void filtersBySeriesIgnoringCase() {
        String series = "Saga " + TestData.word();
        Product match = givenProduct(TestData.product().series(series).build());
        givenProduct(TestData.product().series(series + " Returns").build());
        givenProduct(TestData.product().build());

        Page<Product> page =
                find(query().series(series.toLowerCase(Locale.ROOT)).build());

        assertThat(page.items()).containsExactly(match);
    }

    @Test
    void filtersByCategorySlug() {
        Category shelf = givenCategory();
        Category otherShelf = givenCategory();
        Product onShelf =
                givenProduct(TestData.product().categories(shelf, otherShelf).build());
        givenProduct(TestData.product().categories(otherShelf).build());
        givenProduct(TestData.product().build());

        Page<Product> page = find(query().category(shelf.slug()).build());

        assertThat(page.items()).containsExactly(onShelf);
        assertThat(page.items().getFirst().categories()).containsExactlyInAnyOrder(shelf, otherShelf);
    }

    @Test
    void filtersByPriceWithInclusiveBounds() {
        String author = "Author " + TestData.word();
        givenProduct(TestData.product().author(author).priceCents(999).build());
        Product atMin =
                givenProduct(TestData.product().author(author).priceCents(1000).build());
        Product between =
                givenProduct(TestData.product().author(author).priceCents(1500).build());
        Product atMax =
                givenProduct(TestData.product().author(author).priceCents(2000).build());
        givenProduct(TestData.product().author(author).priceCents(2001).build());

        Page<Product> page = find(query().author(author)
                .minPrice(1000)
                .maxPrice(2000)
                .sort(ProductSort.PRICE)
                .build());

        assertThat(page.items()).containsExactly(atMin, between, atMax);
        assertThat(find(query().author(author).minPrice(2001).build()).items()).hasSize(1);
        assertThat(find(query().author(author).maxPrice(999).build()).items()).hasSize(1);
    }

    @Test
    void filtersToProductsInStock() {
        String author = "Author " + TestData.word();
        Product inStock =
                givenProduct(TestData.product().author(author).stock(1).build());
        givenProduct(TestData.product().author(author).stock(0).build());

        assertThat(find(query().author(author).inStockOnly().build()).items()).containsExactly(inStock);
        assertThat(find(query().author(author).build()).items()).hasSize(2);
    }

    @Test
    void combinesFilters() {
        String author = "Author " + TestData.word();
        Category shelf = givenCategory();
        Product match = givenProduct(TestData.product()
                .author(author)
                .series("Saga")
                .categories(shelf)
                .priceCents(1200)
                .stock(3)
                .build());
        givenProduct(TestData.product()
                .author(author)
                .series("Saga")
                .categories(shelf)
                .priceCents(1200)
                .stock(0)
                .build());
        givenProduct(TestData.product()
                .author(author)
                .series("Saga")
                .priceCents(1200)
                .stock(3)
                .build());
        givenProduct(TestData.product()
                .author(author)
                .series("Other")
                .categories(shelf)
                .stock(3)
                .build());

        Page<Product> page = find(query().author(author)
                .series("saga")
                .category(shelf.slug())
                .maxPrice(1200)
                .inStockOnly()
                .build());

        assertThat(page.items()).containsExactly(match);
    }

    // ---- find: order and pages

    @Test
    void sortsByTitleBothWays() {
        String author = "Author " + TestData.word();
        Product bravo =
                givenProduct(TestData.product().author(author).title("Bravo").build());
        Product alpha =
                givenProduct(TestData.product().author(author).title("Alpha").build());
        Product charlie =
                givenProduct(TestData.product().author(author).title("Charlie").build());

        assertThat(find(query().author(author).sort(ProductSort.TITLE).build()).items())
                .containsExactly(alpha, bravo, charlie);
        assertThat(find(query().author(author).sort(ProductSort.TITLE_DESC).build())
                        .items())
                .containsExactly(charlie, bravo, alpha);
    }

    @Test
    void sortsByPriceBothWays() {
        String author = "Author " + TestData.word();
        Product middle =
                givenProduct(TestData.product().author(author).priceCents(1500).build());
        Product cheap =
                givenProduct(TestData.product().author(author).priceCents(500).build());
        Product dear =
                givenProduct(TestData.product().author(author).priceCents(9900).build());

        assertThat(find(query().author(author).sort(ProductSort.PRICE).build()).items())
                .containsExactly(cheap, middle, dear);
        assertThat(find(query().author(author).sort(ProductSort.PRICE_DESC).build())
                        .items())
                .containsExactly(dear, middle, cheap);
    }

    @Test
    void sortsNewestFirst() {
        String author = "Author " + TestData.word();
        Instant base = TestData.now().minusSeconds(3600);
        Product old =
                givenProduct(TestData.product().author(author).createdAt(base).build());
        Product newest = givenProduct(TestData.product()
                .author(author)
                .createdAt(base.plusSeconds(20))
                .build());
        Product middle = givenProduct(TestData.product()
                .author(author)
                .createdAt(base.plusSeconds(10))
                .build());

        assertThat(find(query().author(author).sort(ProductSort.NEWEST).build()).items())
                .containsExactly(newest, middle, old);
    }

    @Test
    void pagesCarryTheTotalOfEveryMatch() {
        String author = "Author " + TestData.word();
        List<Product> products = new ArrayList<>();
        for (String title : List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo")) {
            products.add(
                    givenProduct(TestData.product().author(author).title(title).build()));
        }
        ProductQuery byAuthor = query().author(author).build();

        Page<Product> second = find(byAuthor.withPage(PageRequest.of(2, 2)));
        Page<Product> last = find(byAuthor.withPage(PageRequest.of(3, 2)));
        Page<Product> beyond = find(byAuthor.withPage(PageRequest.of(4, 2)));

        assertThat(second.items()).containsExactly(products.get(2), products.get(3));
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.size()).isEqualTo(2);
        assertThat(last.items()).containsExactly(products.get(4));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void thePageFurthestAwayIsEmptyAndStillCounts() {
        String author = "Author " + TestData.word();
        givenProduct(TestData.product().author(author).build());
        PageRequest furthest = PageRequest.of(Integer.MAX_VALUE, PageRequest.MAX_SIZE);

        Page<Product> listed = find(query().author(author).build().withPage(furthest));
        Page<Product> searched = search(author, furthest);

        assertThat(listed.items()).isEmpty();
        assertThat(listed.total()).isEqualTo(1);
        assertThat(searched.items()).isEmpty();
        assertThat(searched.total()).isEqualTo(1);
    }

    @Test
    void tiesAreBrokenSoPagesNeitherOverlapNorSkip() {
        String author = "Author " + TestData.word();
        List<ProductId> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(givenProduct(TestData.product()
                            .author(author)
                            .title("Same title")
                            .priceCents(1000)
                            .build())
                    .id());
        }

        for (ProductSort sort : ProductSort.values()) {
            List<ProductId> seen = new ArrayList<>();
            for (int page = 1; page <= 4; page++) {
                find(query().author(author).sort(sort).page(page, 2).build()).items().stream()
                        .map(Product::id)
                        .forEach(seen::add);
            }
            assertThat(seen).as("pages sorted by %s", sort).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    // ---- search

    @Test
    void searchFindsAWordInTitleAuthorSeriesOrDescription() {
        String word = TestData.word();
        Product inTitle =
                givenProduct(TestData.product().title("Tales of " + word).build());
        Product inAuthor =
                givenProduct(TestData.product().author("Anna " + word).build());
        Product inSeries =
                givenProduct(TestData.product().series("The " + word + " saga").build());
        Product inDescription = givenProduct(TestData.product()
                .description("A story about " + word + " and friends.")
                .build());
        givenProduct(TestData.product().build());

        Page<Product> found = search(word, PageRequest.first());

        assertThat(found.items()).containsExactlyInAnyOrder(inTitle, inAuthor, inSeries, inDescription);
        assertThat(found.total()).isEqualTo(4);
    }

    @Test
    void searchRanksTitleMatchesFirst() {
        String word = TestData.word();
        Product inDescription = givenProduct(TestData.product()
                .title("Alpha " + TestData.word())
                .description("Mentions " + word + " in passing.")
                .build());
        Product inTitle = givenProduct(TestData.product()
                .title("Zulu " + word)
                .description("Nothing here.")
                .build());

        Page<Product> found = search(word, PageRequest.first());

        assertThat(found.items()).containsExactly(inTitle, inDescription);
    }

    @Test
    void searchIgnoresCase() {
        String word = TestData.word();
        Product product =
                givenProduct(TestData.product().title("Tales of " + word).build());

        assertThat(search(word.toUpperCase(Locale.ROOT), PageRequest.first()).items())
                .containsExactly(product);
    }

    @Test
    void searchFindsBooksHoldingEveryWord() {
        String first = TestData.word();
        String second = TestData.word();
        Product both = givenProduct(TestData.product()
                .title("Tales of " + first)
                .author("Anna " + second)
                .build());

        assertThat(search(first + " " + second, PageRequest.first()).items()).containsExactly(both);
    }

    @Test
    void searchSkipsInactiveProducts() {
        String word = TestData.word();
        Product active =
                givenProduct(TestData.product().title("Tales of " + word).build());
        givenProduct(
                TestData.product().title("More tales of " + word).inactive().build());

        Page<Product> found = search(word, PageRequest.first());

        assertThat(found.items()).containsExactly(active);
        assertThat(found.total()).isEqualTo(1);
    }

    @Test
    void searchWithoutMatchesIsAnEmptyPage() {
        givenProduct();

        Page<Product> found = search(TestData.word(), PageRequest.first());

        assertThat(found.items()).isEmpty();
        assertThat(found.total()).isZero();
    }

    @Test
    void searchPagesCarryTheTotal() {
        String word = TestData.word();
        for (int i = 0; i < 3; i++) {
            givenProduct(TestData.product().title("Tales of " + word).build());
        }

        Page<Product> first = search(word, PageRequest.of(1, 2));
        Page<Product> second = search(word, PageRequest.of(2, 2));

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(first.total()).isEqualTo(3);
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.items()).doesNotContainAnyElementsOf(first.items());
    }

    // ---- helpers

    private static ProductId givenProductId() {
        return ProductId.of(UUID.randomUUID());
    }

    private int stockOf(Product product) {
        return inTx(() -> ports.products().findById(product.id())).orElseThrow().stock();
    }

    /**
     * The admin's exact list and the shop's bounded one: below the window both must show the same page and total, so
     * every list case here holds for both.
     */
    private Page<Product> find(ProductQuery query) {
        Page<Product> exact = inTx(() -> ports.products().find(query));
        Listing shop = inTx(() -> ports.products().list(query, Optional.empty(), WINDOW));
        assertThat(shop.items()).as("the shop's list, as the admin's").isEqualTo(exact.items());
        assertThat(shop.total()).as("the shop's total").isEqualTo(exact.total());
        assertThat(shop.totalExact()).isTrue();
        return exact;
    }

    private static final int WINDOW = 10_000;

    private Page<Product> search(String text, PageRequest page) {
        Listing found = inTx(() -> ports.products().search(text, page, Optional.empty(), WINDOW));
        assertThat(found.totalExact()).isTrue();
        return Page.of(found.items(), page, found.total());
    }

    private static QueryBuilder query() {
        return new QueryBuilder();
    }

    /** Reads better than the nine-argument record constructor. */
    private static final class QueryBuilder {
        private Optional<String> series = Optional.empty();
        private Optional<String> author = Optional.empty();
        private Optional<Slug> category = Optional.empty();
        private Optional<Money> minPrice = Optional.empty();
        private Optional<Money> maxPrice = Optional.empty();
        private boolean inStockOnly;
        private ProductSort sort = ProductSort.TITLE;
        private PageRequest page = PageRequest.first();

        QueryBuilder series(String value) {
            series = Optional.of(value);
            return this;
        }

        QueryBuilder author(String value) {
            author = Optional.of(value);
            return this;
        }

        QueryBuilder category(Slug value) {
            category = Optional.of(value);
            return this;
        }

        QueryBuilder minPrice(long cents) {
            minPrice = Optional.of(Money.ofCents(cents));
            return this;
        }

        QueryBuilder maxPrice(long cents) {
            maxPrice = Optional.of(Money.ofCents(cents));
            return this;
        }

        QueryBuilder inStockOnly() {
            inStockOnly = true;
            return this;
        }

        QueryBuilder sort(ProductSort value) {
            sort = value;
            return this;
        }

        QueryBuilder page(int number, int size) {
            page = PageRequest.of(number, size);
            return this;
        }

        ProductQuery build() {
            return new ProductQuery(series, author, category, minPrice, maxPrice, inStockOnly, false, sort, page);
        }
    }
}
