package dev.bookshop.adapters.persistence.contract.usecases.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.catalog.port.in.NewProduct;
import dev.bookshop.application.catalog.port.in.ProductChanges;
import dev.bookshop.application.catalog.port.in.StockChange;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Slug;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
                .isEqualTo(8);
        assertThat(shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.MoveBy(-3)))
                .isEqualTo(5);
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
}
