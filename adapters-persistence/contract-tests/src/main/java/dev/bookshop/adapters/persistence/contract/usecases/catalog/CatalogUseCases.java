package dev.bookshop.adapters.persistence.contract.usecases.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.ScriptedPaymentGateway;
import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.catalog.port.in.ExpectedVersion;
import dev.bookshop.application.catalog.port.in.NewProduct;
import dev.bookshop.application.catalog.port.in.ProductChanges;
import dev.bookshop.application.catalog.port.in.StockChange;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.ProductSort;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductChangedException;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.catalog.StockLevel;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The shop front (browse, search, one book, categories) and the administration of the catalogue. Every adapter subclasses it once; each test makes its own users and books.
 */
public abstract class CatalogUseCases extends UseCaseTestBase {

    @Test
    void inactiveBooksAreInvisibleToTheShopFront() {
        Product visible = book("Visible", 1000, 3);
        Product hidden = book("Hidden", 1000, 3);
        shop.adminCatalog().deactivateProduct(admin.id(), hidden.id());

        List<ProductId> listed =
                shop.browseProducts().browse(ProductQuery.all().withPage(PageRequest.of(1, 100))).items().stream()
                        .map(Product::id)
                        .toList();

        assertThat(listed).contains(visible.id()).doesNotContain(hidden.id());
        assertThat(shop.getProduct().getProduct(visible.slug().value()).id()).isEqualTo(visible.id());
        assertThat(shop.getProduct().getProduct(visible.id().toString()).id()).isEqualTo(visible.id());
        assertRefused(() -> shop.getProduct().getProduct(hidden.slug().value()), ErrorCode.PRODUCT_NOT_FOUND);
        assertRefused(() -> shop.getProduct().getProduct("Not A Slug!"), ErrorCode.PRODUCT_NOT_FOUND);
        assertThat(shop.adminCatalog()
                        .listProducts(admin.id(), ProductQuery.all().withPage(PageRequest.of(1, 100)))
                        .items())
                .extracting(Product::id)
                .contains(hidden.id());
    }

    @Test
    void searchFindsByTitleWordsAndRefusesBlankText() {
        Product match = book("Quidditch Through the Ages", 899, 2);
        book("Something Else Entirely", 899, 2);

        assertThat(shop.searchProducts()
                        .search("quidditch", PageRequest.first())
                        .items())
                .extracting(Product::id)
                .contains(match.id());
        assertRefused(() -> shop.searchProducts().search("  ", PageRequest.first()), ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void facetsAndSuggestionsNeverShowAWithdrawnBookWhateverTheQueryAsks() {
        String author = "Facet Author " + UUID.randomUUID();
        Product kept = authored("Zymurgy Kept " + UUID.randomUUID(), author);
        Product withdrawn = authored("Zymurgy Withdrawn " + UUID.randomUUID(), author);
        shop.adminCatalog().deactivateProduct(admin.id(), withdrawn.id());
        ProductQuery byAuthor = new ProductQuery(
                        Optional.empty(),
                        Optional.of(author),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        false,
                        ProductQuery.all().sort(),
                        PageRequest.first())
                .withInactive(true);

        var facets = shop.catalogueFacets().facets(byAuthor);

        assertThat(facets.authors())
                .singleElement()
                .satisfies(a -> assertThat(a.count()).isEqualTo(1));
        assertThat(shop.suggestBooks().suggest("zymurgy", 20))
                .extracting(s -> s.slug())
                .contains(kept.slug())
                .doesNotContain(withdrawn.slug());
    }

    @Test
    void suggestionsAndSearchFacetsRefuseBadTextAndLimits() {
        for (String text : List.of("", "   ", "x".repeat(101), "har\u0000")) {
            assertRefused(() -> shop.suggestBooks().suggest(text, 8), ErrorCode.VALIDATION_FAILED);
        }
        assertRefused(() -> shop.suggestBooks().suggest("har", 0), ErrorCode.VALIDATION_FAILED);
        assertRefused(() -> shop.suggestBooks().suggest("har", 21), ErrorCode.VALIDATION_FAILED);
        assertRefused(() -> shop.catalogueFacets().facetsOfSearch("  "), ErrorCode.VALIDATION_FAILED);
        assertRefused(() -> shop.catalogueFacets().facetsOfSearch("x".repeat(201)), ErrorCode.VALIDATION_FAILED);
        assertThat(shop.suggestBooks().suggest("  " + "x".repeat(100) + "  ", 20))
                .isEmpty();
    }

    private Product authored(String title, String author) {
        return shop.adminCatalog()
                .createProduct(
                        admin.id(),
                        new NewProduct(
                                new BookDetails(title, author, Optional.empty(), Optional.empty(), Optional.empty()),
                                Price.ofCents(999),
                                Stock.of(1),
                                Set.of()));
    }

    @Test
    void numberedPagesStopAtTheWindowAndCursorsAreTiedToTheirList() {
        String author = "Author " + java.util.UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            shop.adminCatalog()
                    .createProduct(
                            admin.id(),
                            new NewProduct(
                                    new BookDetails(
                                            "Leaf " + i, author, Optional.empty(), Optional.empty(), Optional.empty()),
                                    Price.ofCents(100 + i),
                                    Stock.of(1),
                                    Set.of()));
        }
        ProductQuery byAuthor = ProductQuery.all().withAuthor(author).withPage(PageRequest.of(1, 2));

        var first = shop.browseProducts().browse(byAuthor);
        String cursor = first.nextCursor().orElseThrow();
        var second = shop.browseProducts().browse(byAuthor, Optional.of(cursor));

        assertThat(first.page()).hasValue(1);
        assertThat(second.page()).isEmpty();
        assertThat(second.items()).hasSize(1).doesNotContainAnyElementsOf(first.items());
        assertThat(second.nextCursor()).isEmpty();
        assertRefused(
                () -> shop.browseProducts().browse(ProductQuery.all().withPage(PageRequest.of(501, 20))),
                ErrorCode.PAGE_WINDOW_EXCEEDED);
        assertRefused(
                () -> shop.searchProducts().search("leaf", PageRequest.of(101, 100)), ErrorCode.PAGE_WINDOW_EXCEEDED);
        assertThat(shop.browseProducts()
                        .browse(ProductQuery.all().withPage(PageRequest.of(500, 20)))
                        .items())
                .isNotNull();
        for (String bad : new String[] {"x", "!!!", cursor.substring(1), cursor + "A"}) {
            assertRefused(() -> shop.browseProducts().browse(byAuthor, Optional.of(bad)), ErrorCode.VALIDATION_FAILED);
        }
        assertRefused(
                () -> shop.browseProducts().browse(byAuthor.withSort(ProductSort.PRICE), Optional.of(cursor)),
                ErrorCode.VALIDATION_FAILED);
        assertRefused(
                () -> shop.searchProducts().search("leaf", PageRequest.first(), Optional.of(cursor)),
                ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void sameTitlesGetNumberedSlugs() {
        NewProduct request = new NewProduct(
                new BookDetails("The Hobbit", "J. R. R. Tolkien", Optional.empty(), Optional.empty(), Optional.empty()),
                Price.ofCents(1299),
                Stock.of(1),
                Set.of());

        Product first = shop.adminCatalog().createProduct(admin.id(), request);
        Product second = shop.adminCatalog().createProduct(admin.id(), request);

        assertThat(first.slug().value()).isEqualTo("the-hobbit");
        assertThat(second.slug().value()).isEqualTo("the-hobbit-2");
    }

    @Test
    void categoriesAreCreatedOnceAndShelveBooks() {
        var fantasy = shop.adminCatalog().createCategory(admin.id(), "Fantasy " + UUID.randomUUID());
        assertRefused(
                () -> shop.adminCatalog().createCategory(admin.id(), fantasy.name()), ErrorCode.CATEGORY_SLUG_TAKEN);

        Product shelved = shop.adminCatalog()
                .createProduct(
                        admin.id(),
                        new NewProduct(
                                new BookDetails(
                                        "Shelved", "Author", Optional.of("Series"), Optional.empty(), Optional.empty()),
                                Price.ofCents(500),
                                Stock.of(1),
                                Set.of(fantasy.slug())));

        assertThat(shelved.categories()).containsExactly(fantasy);
        assertThat(shop.listCategories().listCategories()).contains(fantasy);
        assertRefused(
                () -> shop.adminCatalog()
                        .createProduct(
                                admin.id(),
                                new NewProduct(
                                        new BookDetails("X", "Y", Optional.empty(), Optional.empty(), Optional.empty()),
                                        Price.ofCents(500),
                                        Stock.of(1),
                                        Set.of(new Slug("no-such-shelf")))),
                ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void stockCanBeSetOrMovedButNeverBelowZero() {
        Product book = book("Stock", 100, 5);

        assertThat(shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.SetTo(Stock.of(8))))
                .isEqualTo(new StockLevel(Stock.of(8), 0));
        assertThat(shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.MoveBy(-3)))
                .isEqualTo(new StockLevel(Stock.of(5), 0));
        assertRefused(
                () -> shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.MoveBy(-6)),
                ErrorCode.INSUFFICIENT_STOCK);
        assertRefused(
                () -> shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.SetTo(Stock.of(-1))),
                ErrorCode.VALIDATION_FAILED);
        assertRefused(
                () -> shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.MoveBy(Integer.MAX_VALUE)),
                ErrorCode.VALIDATION_FAILED);
        assertRefused(
                () -> shop.adminCatalog()
                        .changeStock(admin.id(), new ProductId(UUID.randomUUID()), new StockChange.SetTo(Stock.of(1))),
                ErrorCode.PRODUCT_NOT_FOUND);
        assertThat(stockOf(book)).isEqualTo(5);
    }

    @Test
    void updatingABookChangesOnlyWhatWasGiven() {
        Product book = book("Before", 100, 5);

        Product updated = shop.adminCatalog()
                .updateProduct(
                        admin.id(),
                        book.id(),
                        new ProductChanges(
                                Optional.empty(),
                                Optional.of("New Author"),
                                Optional.of(Optional.of("New Series")),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Stock.of(7)),
                                Optional.empty(),
                                Optional.empty()));

        assertThat(updated.title()).isEqualTo(book.title());
        assertThat(updated.details().author()).isEqualTo("New Author");
        assertThat(updated.details().series()).contains("New Series");
        assertThat(updated.price()).isEqualTo(book.price());
        assertThat(updated.stock()).isEqualTo(7);
        assertThat(updated.slug()).isEqualTo(book.slug());
    }

    // ---- shelf counts

    @Test
    void aShelfCountKeepsThePendingOrdersCopiesSoTheirExpiryCannotOversell() {
        Product book = book("Recount", 100, 10);
        Order pending = pendingOrder(customer(), book, 2);

        StockLevel counted = shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.SetTo(Stock.of(5)));

        assertThat(counted).isEqualTo(new StockLevel(Stock.of(3), 2));
        assertThat(counted.onHand()).isEqualTo(5);
        assertThat(stockOf(book)).isEqualTo(3);

        clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));
        assertThat(shop.expirePendingOrders().expireOverdueOrders()).isEqualTo(1);

        assertThat(reread(pending).status()).isEqualTo(OrderStatus.FAILED);
        // The two copies the order gave back were on the shelf all along: 3 + 2, never more than the 5 counted.
        assertThat(stockOf(book)).isEqualTo(5);
        assertThat(shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.MoveBy(1)))
                .isEqualTo(new StockLevel(Stock.of(6), 0));
    }

    @Test
    void aShelfCountBelowTheReservedCopiesIsRefusedAndWritesNothing() {
        Product book = book("Short shelf", 100, 10);
        pendingOrder(customer(), book, 3);

        assertRefused(
                () -> shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.SetTo(Stock.of(2))),
                ErrorCode.STOCK_BELOW_RESERVED);
        assertRefused(
                () -> shop.adminCatalog()
                        .updateProduct(admin.id(), book.id(), stockOnly(Stock.of(2)), ExpectedVersion.ANY),
                ErrorCode.STOCK_BELOW_RESERVED);

        assertThat(stockOf(book)).isEqualTo(7);
        assertThat(shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.SetTo(Stock.of(3))))
                .isEqualTo(new StockLevel(Stock.NONE, 3));
    }

    @Test
    void aMoveChangesTheAvailableCopiesAndAnswersTheReservedOnesToo() {
        Product book = book("Moved", 100, 10);
        pendingOrder(customer(), book, 4);

        assertThat(shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.MoveBy(-6)))
                .isEqualTo(new StockLevel(Stock.NONE, 4));
        assertRefused(
                () -> shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.MoveBy(-1)),
                ErrorCode.INSUFFICIENT_STOCK);
    }

    @Test
    void aStockGivenWithAnEditIsAShelfCountAsWell() {
        Product book = book("Edited count", 100, 10);
        pendingOrder(customer(), book, 2);

        Product updated =
                shop.adminCatalog().updateProduct(admin.id(), book.id(), stockOnly(Stock.of(5)), ExpectedVersion.ANY);

        assertThat(updated.stock()).isEqualTo(3);
        // A count alone is no edit of the book.
        assertThat(updated.version()).isEqualTo(book.version());
    }

    @Test
    void aShelfCountRacingCheckoutsAndTheExpirySweepLeavesExactlyTheCountedCopies() throws Exception {
        Product book = book("Busy shelf", 100, 40);
        for (int i = 0; i < 4; i++) {
            pendingOrder(customer(), book, 2);
        }
        clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            User buyer = customer();
            add(buyer, book, 1);
            buyers.add(buyer);
        }
        payments.answer(ScriptedPaymentGateway.Mode.AWAIT_CUSTOMER);

        List<Callable<Object>> tasks = new ArrayList<>();
        tasks.add(() -> shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.SetTo(Stock.of(30))));
        tasks.add(() -> shop.expirePendingOrders().expireOverdueOrders());
        for (User buyer : buyers) {
            tasks.add(() -> checkout(buyer));
        }
        race(tasks);

        // Checkouts move copies from available to reserved and expiry moves them back: neither changes the shelf,
        // so whatever the order, what is available and what is reserved add up to the count.
        int reserved = store.transactions().inTransaction(() -> store.products().reservedCopies(book.id()));
        assertThat(stockOf(book) + reserved).isEqualTo(30);
        assertThat(reserved).isEqualTo(buyers.size());
    }

    // ---- concurrent edits

    @Test
    void anEditFromAStaleReadIsRefusedAndTheBookStaysWithdrawn() {
        Product read = book("Stale", 100, 5);
        Product withdrawn = shop.adminCatalog()
                .updateProduct(
                        admin.id(),
                        read.id(),
                        changes(Optional.empty(), Optional.of(false)),
                        ExpectedVersion.oneOf(List.of(read.version())));

        assertRefused(
                () -> shop.adminCatalog()
                        .updateProduct(
                                admin.id(),
                                read.id(),
                                changes(Optional.of("Retitled"), Optional.empty()),
                                ExpectedVersion.oneOf(List.of(read.version()))),
                ErrorCode.PRECONDITION_FAILED);

        Product now = store.products().findById(read.id()).orElseThrow();
        assertThat(now.active()).isFalse();
        assertThat(now.title()).isEqualTo(read.title());
        assertThat(now.version()).isEqualTo(withdrawn.version()).isEqualTo(read.version() + 1);
        Product retitled = shop.adminCatalog()
                .updateProduct(
                        admin.id(),
                        read.id(),
                        changes(Optional.of("Retitled"), Optional.empty()),
                        ExpectedVersion.oneOf(List.of(now.version())));
        assertThat(retitled.title()).isEqualTo("Retitled");
        assertThat(retitled.active()).isFalse();
        assertThat(retitled.version()).isEqualTo(now.version() + 1);
    }

    @Test
    void ofEditsRacingFromTheSameReadExactlyOneLands() throws Exception {
        Product read = book("Raced", 100, 5);
        List<Callable<Boolean>> edits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Optional<String> title = i == 0 ? Optional.empty() : Optional.of("Title " + i);
            Optional<Boolean> active = i == 0 ? Optional.of(false) : Optional.empty();
            edits.add(() -> {
                try {
                    shop.adminCatalog()
                            .updateProduct(
                                    admin.id(),
                                    read.id(),
                                    changes(title, active),
                                    ExpectedVersion.oneOf(List.of(read.version())));
                    return true;
                } catch (ProductChangedException stale) {
                    return false;
                }
            });
        }

        List<Boolean> landed = race(edits);

        assertThat(landed).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(store.products().findById(read.id()).orElseThrow().version()).isEqualTo(read.version() + 1);
    }

    @Test
    void editsWithoutAConditionNeverWriteBackAWithdrawalTheyDidNotSee() throws Exception {
        Product book = book("Withdrawn meanwhile", 100, 5);
        List<Callable<Product>> edits = new ArrayList<>();
        edits.add(() -> shop.adminCatalog()
                .updateProduct(admin.id(), book.id(), changes(Optional.empty(), Optional.of(false))));
        for (int i = 1; i < 8; i++) {
            String title = "Title " + i;
            edits.add(() -> shop.adminCatalog()
                    .updateProduct(admin.id(), book.id(), changes(Optional.of(title), Optional.empty())));
        }

        race(edits);

        Product now = store.products().findById(book.id()).orElseThrow();
        assertThat(now.active()).isFalse();
        assertThat(now.version()).isEqualTo(book.version() + edits.size());
    }

    private static ProductChanges stockOnly(Stock shelf) {
        return new ProductChanges(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(shelf),
                Optional.empty(),
                Optional.empty());
    }

    private static ProductChanges changes(Optional<String> title, Optional<Boolean> active) {
        return new ProductChanges(
                title,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                active);
    }
}
