package dev.bookshop.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.common.Slug;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductTest {

    private static final Instant NOW = Books.CREATED;
    private static final Instant LATER = NOW.plusSeconds(3600);
    private static final ProductId ID = ProductId.of(UUID.randomUUID());
    private static final Slug SLUG = new Slug("the-hobbit");
    private static final Category FANTASY = category("Fantasy");
    private static final Category CLASSICS = category("Classics");
    private static final Category ADVENTURE = category("Adventure");

    @Test
    void aCreatedProductIsActiveAndStampedNow() {
        Product product = create(Money.ofCents(1299), 5, List.of());

        assertThat(product.active()).isTrue();
        assertThat(product.createdAt()).isEqualTo(NOW);
        assertThat(product.updatedAt()).isEqualTo(NOW);
        assertThat(product.id()).isEqualTo(ID);
        assertThat(product.slug()).isEqualTo(SLUG);
        assertThat(product.title()).isEqualTo("The Hobbit");
        assertThat(product.price()).isEqualTo(Money.ofCents(1299));
        assertThat(product.stock()).isEqualTo(5);
    }

    @Test
    void aProductNeedsItsPriceAndStock() {
        assertThatThrownBy(() -> Product.create(ID, SLUG, Books.details("T"), null, Stock.of(1), List.of(), NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Product.create(ID, SLUG, Books.details("T"), Price.ofCents(1), null, List.of(), NOW))
                .isInstanceOf(NullPointerException.class);
        assertThat(create(Money.ofCents(1), 0, List.of()).stock()).isZero();
    }

    @Test
    void rehydrateKeepsEveryStoredField() {
        Product stored = Product.rehydrate(
                ID,
                SLUG,
                Books.details("The Hobbit"),
                Price.ofCents(999),
                Stock.NONE,
                false,
                List.of(FANTASY),
                NOW,
                LATER,
                7);

        assertThat(stored.active()).isFalse();
        assertThat(stored.version()).isEqualTo(7);
        assertThat(stored.updatedAt()).isEqualTo(LATER);
        assertThat(stored.categories()).containsExactly(FANTASY);
        assertThat(stored.price()).isEqualTo(Money.ofCents(999));
        assertThat(stored.stock()).isZero();
    }

    @Test
    void changesReturnNewProductsStampedWithTheirTimeAndLeaveTheOriginalAlone() {
        Product original = create(Money.ofCents(1299), 5, List.of());

        Product repriced = original.withPrice(Price.ofCents(1499), LATER);
        Product renamed = original.withDetails(Books.details("The Lord of the Rings"), LATER);
        Product shelved = original.withCategories(List.of(FANTASY), LATER);
        Product withdrawn = original.activated(false, LATER);

        assertThat(List.of(repriced, renamed, shelved, withdrawn)).allSatisfy(changed -> {
            assertThat(changed).isNotSameAs(original);
            assertThat(changed.updatedAt()).isEqualTo(LATER);
            assertThat(changed.createdAt()).isEqualTo(NOW);
            assertThat(changed.id()).isEqualTo(ID);
            assertThat(changed.slug()).isEqualTo(SLUG);
        });
        assertThat(repriced.price()).isEqualTo(Money.ofCents(1499));
        assertThat(renamed.title()).isEqualTo("The Lord of the Rings");
        assertThat(shelved.categories()).containsExactly(FANTASY);
        assertThat(withdrawn.active()).isFalse();
        assertThat(original).isEqualTo(create(Money.ofCents(1299), 5, List.of()));
    }

    @Test
    void everyEditIsOneVersionOnAndAStockWriteIsNone() {
        Product original = create(Money.ofCents(1299), 5, List.of());

        Product edited = original.edited(
                Books.details("The Lord of the Rings"), Price.ofCents(1499), List.of(FANTASY), false, LATER);

        assertThat(original.version()).isEqualTo(Product.FIRST_VERSION);
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.isVersion(2)).isTrue();
        assertThat(edited.isVersion(1)).isFalse();
        assertThat(List.of(
                        original.withPrice(Price.ofCents(1), LATER),
                        original.withDetails(Books.details("X"), LATER),
                        original.withCategories(List.of(), LATER),
                        original.activated(false, LATER)))
                .allSatisfy(changed -> assertThat(changed.version()).isEqualTo(2));
        assertThat(edited.withStoredStock(Stock.of(1)).version()).isEqualTo(2);
        // The same fields one version on are another state of the book.
        assertThat(edited.activated(false, LATER)).isNotEqualTo(edited);
    }

    @Test
    void aStoredStockWriteChangesOnlyTheStockAndKeepsTheUpdateTime() {
        Product original = create(Money.ofCents(1299), 5, List.of()).withPrice(Price.ofCents(1499), LATER);

        Product restocked = original.withStoredStock(Stock.of(9));

        assertThat(restocked.stock()).isEqualTo(9);
        assertThat(restocked.updatedAt()).isEqualTo(LATER);
        assertThat(restocked.price()).isEqualTo(Money.ofCents(1499));
        assertThat(original.stock()).isEqualTo(5);
    }

    @Test
    void categoriesAreSortedBySlugWithoutDuplicates() {
        Product product = create(Money.ofCents(1299), 5, List.of(FANTASY, CLASSICS, FANTASY, ADVENTURE, CLASSICS));

        assertThat(product.categories()).containsExactly(ADVENTURE, CLASSICS, FANTASY);
        assertThat(product.withCategories(List.of(FANTASY, ADVENTURE, FANTASY), LATER)
                        .categories())
                .containsExactly(ADVENTURE, FANTASY);
    }

    @Test
    void categoriesCannotBeChangedFromOutside() {
        Product product = create(Money.ofCents(1299), 5, new ArrayList<>(List.of(FANTASY)));

        assertThatThrownBy(() -> product.categories().add(CLASSICS)).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "stock {0}, active {1}, asked {2} -> {3}")
    @CsvSource({"5, true, 1, true", "5, true, 5, true", "5, true, 6, false", "0, true, 1, false", "5, false, 1, false"})
    void canSupplyOnlyWhatIsOnSaleAndInStock(int stock, boolean active, int asked, boolean expected) {
        Product product = create(Money.ofCents(1299), stock, List.of()).activated(active, NOW);

        assertThat(product.canSupply(Quantity.of(asked))).isEqualTo(expected);
    }

    @Test
    void inStockMeansAtLeastOneCopy() {
        assertThat(create(Money.ofCents(1), 1, List.of()).inStock()).isTrue();
        assertThat(create(Money.ofCents(1), 0, List.of()).inStock()).isFalse();
    }

    private static Product create(Money price, int stock, List<Category> categories) {
        return Product.create(ID, SLUG, Books.details("The Hobbit"), Price.of(price), Stock.of(stock), categories, NOW);
    }

    private static Category category(String name) {
        return Category.create(CategoryId.of(UUID.randomUUID()), name);
    }
}
