package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.catalog.query.CatalogueFacets;
import dev.bookshop.application.catalog.query.CatalogueFacets.BandCount;
import dev.bookshop.application.catalog.query.CatalogueFacets.NameCount;
import dev.bookshop.application.catalog.query.CatalogueFacets.ShelfCount;
import dev.bookshop.application.catalog.query.PriceBand;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.Suggestion;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.Money;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every adapter's {@code CatalogueInsights} must do: facet counts over active books with the list filters
 * applied, the bound on how many books are counted, the top-20 cut, and prefix suggestions that ignore case and
 * accents. Cases count the whole store, so they rely on the empty store {@link #newPorts()} promises.
 */
public abstract class CatalogueInsightsContract extends PersistenceContract {

    /** The adapter over a clean, empty store, its facets counting at most {@code facetBound} books. */
    protected abstract PersistencePorts newPorts(int facetBound);

    private Product book(String title, String author, String series, long cents, int stock, Category... shelves) {
        var builder = TestData.product()
                .title(title)
                .author(author)
                .priceCents(cents)
                .stock(stock)
                .categories(shelves);
        if (series != null) {
            builder.series(series);
        }
        return givenProduct(builder.build());
    }

    private CatalogueFacets facets(ProductQuery query) {
        return inTx(() -> ports.insights().facets(query));
    }

    private List<Suggestion> suggest(String prefix, int limit) {
        return inTx(() -> ports.insights().suggest(prefix, limit));
    }

    private static List<Long> bandCounts(CatalogueFacets facets) {
        assertThat(facets.priceBands().stream().map(BandCount::band)).containsExactlyElementsOf(PriceBand.STANDARD);
        return facets.priceBands().stream().map(BandCount::count).toList();
    }

    private static ProductQuery byAuthor(String author) {
        ProductQuery all = ProductQuery.all();
        return new ProductQuery(
                all.series(),
                Optional.of(author),
                all.category(),
                all.minPrice(),
                all.maxPrice(),
                all.inStockOnly(),
                false,
                all.sort(),
                all.page());
    }

    @Test
    void countsEveryFacetOverTheActiveBooks() {
        Category fantasy = givenCategory();
        Category classics = givenCategory();
        book("Dune", "Frank Herbert", "Dune", 999, 3, fantasy);
        book("Dune Messiah", "Frank Herbert", "Dune", 1_250, 0, fantasy, classics);
        book("Emma", "Jane Austen", null, 450, 1, classics);
        book("Persuasion", "Jane Austen", null, 5_000, 2);
        givenProduct(TestData.product()
                .author("Frank Herbert")
                .series("Dune")
                .priceCents(100)
                .categories(fantasy)
                .inactive()
                .build());

        CatalogueFacets facets = facets(ProductQuery.all());

        // Both shelves hold two books: by name.
        List<ShelfCount> shelves = java.util.stream.Stream.of(fantasy, classics)
                .sorted(java.util.Comparator.comparing(Category::name))
                .map(c -> new ShelfCount(c.slug(), c.name(), 2))
                .toList();
        assertThat(facets.categories()).containsExactlyElementsOf(shelves);
        assertThat(facets.series()).containsExactly(new NameCount("Dune", 2));
        assertThat(facets.authors())
                .containsExactly(new NameCount("Frank Herbert", 2), new NameCount("Jane Austen", 2));
        assertThat(bandCounts(facets)).containsExactly(1L, 1L, 1L, 0L, 1L);
        assertThat(facets.inStock()).isEqualTo(3);
        assertThat(facets.exact()).isTrue();
    }

    @Test
    void countsABookOnTheShelvesItIsOnNowAfterItMoves() {
        Category fantasy = givenCategory();
        Category classics = givenCategory();
        Category poetry = givenCategory();
        Product moved = book("Beowulf", "Unknown", null, 700, 1, fantasy, classics);
        book("Emma", "Jane Austen", null, 450, 1, classics);

        inTx(() -> ports.products().update(moved.withCategories(List.of(classics, poetry), TestData.now())));

        assertThat(facets(ProductQuery.all()).categories())
                .containsExactlyInAnyOrder(
                        new ShelfCount(classics.slug(), classics.name(), 2),
                        new ShelfCount(poetry.slug(), poetry.name(), 1));
    }

    @Test
    void categoriesComeMostFrequentFirstThenByName() {
        Category first = givenCategory();
        Category second = givenCategory();
        book("A", "X", null, 100, 1, first, second);
        book("B", "X", null, 100, 1, second);

        assertThat(facets(ProductQuery.all()).categories().stream().map(ShelfCount::slug))
                .containsExactly(second.slug(), first.slug());
    }

    @Test
    void countsOnlyTheBooksTheListFiltersFind() {
        Category fantasy = givenCategory();
        Category classics = givenCategory();
        book("Dune", "Frank Herbert", "Dune", 999, 3, fantasy);
        book("Dune Messiah", "Frank Herbert", "Dune", 1_250, 0, fantasy);
        book("Emma", "Jane Austen", null, 450, 1, classics);

        CatalogueFacets byHerbert = facets(byAuthor("frank herbert"));
        assertThat(byHerbert.authors()).containsExactly(new NameCount("Frank Herbert", 2));
        assertThat(byHerbert.categories()).containsExactly(new ShelfCount(fantasy.slug(), fantasy.name(), 2));
        assertThat(byHerbert.inStock()).isEqualTo(1);

        ProductQuery all = ProductQuery.all();
        ProductQuery cheapInStockClassics = new ProductQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.of(classics.slug()),
                Optional.of(Money.ofCents(100)),
                Optional.of(Money.ofCents(1_000)),
                true,
                false,
                all.sort(),
                all.page());
        CatalogueFacets classicsFacets = facets(cheapInStockClassics);
        assertThat(classicsFacets.authors()).containsExactly(new NameCount("Jane Austen", 1));
        assertThat(bandCounts(classicsFacets)).containsExactly(1L, 0L, 0L, 0L, 0L);

        ProductQuery unknownShelf = new ProductQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.of(TestData.slug()),
                Optional.empty(),
                Optional.empty(),
                false,
                false,
                all.sort(),
                all.page());
        assertThat(facets(unknownShelf).authors()).isEmpty();

        CatalogueFacets nothing = facets(byAuthor("nobody " + TestData.word()));
        assertThat(nothing.categories()).isEmpty();
        assertThat(nothing.authors()).isEmpty();
        assertThat(nothing.series()).isEmpty();
        assertThat(bandCounts(nothing)).containsOnly(0L);
        assertThat(nothing.inStock()).isZero();
        assertThat(nothing.exact()).isTrue();
    }

    @Test
    void countsTheBooksASearchFinds() {
        String word = TestData.word();
        book("The " + word + " Road", "Ann Able", null, 999, 1);
        book("Other", "Ben " + word, "Saga", 2_500, 0);
        book("Unrelated", "Cy Dee", null, 999, 1);
        givenProduct(TestData.product().title(word).inactive().build());

        CatalogueFacets facets = inTx(() -> ports.insights().facetsOfSearch(word));

        assertThat(facets.authors().stream().map(NameCount::name)).containsExactly("Ann Able", "Ben " + word);
        assertThat(facets.series()).containsExactly(new NameCount("Saga", 1));
        assertThat(bandCounts(facets)).containsExactly(0L, 1L, 0L, 1L, 0L);
        assertThat(facets.inStock()).isEqualTo(1);
        assertThat(facets.exact()).isTrue();
    }

    @Test
    void countsAtMostTheBoundAndSaysWhenMoreMatched() {
        ports = newPorts(3);
        for (int i = 0; i < 3; i++) {
            book("Book " + i, "Same Author", null, 999, 1);
        }
        CatalogueFacets atTheBound = facets(ProductQuery.all());
        assertThat(atTheBound.exact()).isTrue();
        assertThat(atTheBound.authors()).containsExactly(new NameCount("Same Author", 3));

        book("Book 3", "Same Author", null, 999, 1);
        book("Book 4", "Same Author", null, 999, 1);
        CatalogueFacets past = facets(ProductQuery.all());
        assertThat(past.exact()).isFalse();
        assertThat(past.authors()).containsExactly(new NameCount("Same Author", 3));
        assertThat(bandCounts(past).stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        assertThat(past.inStock()).isEqualTo(3);
    }

    @Test
    void seriesAndAuthorsAreTheTopTwentyByCountTiesByName() {
        // "Writer 00" has three books, "Writer 01" two, the other 22 one each: the cut keeps 18 of those, by name.
        for (int i = 0; i < 24; i++) {
            String name = String.format("Writer %02d", i);
            int copies = i == 0 ? 3 : i == 1 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                book("Book " + i + "-" + c, name, "Series " + name, 999, 1);
            }
        }

        CatalogueFacets facets = facets(ProductQuery.all());

        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(String.format("Writer %02d", i));
        }
        assertThat(facets.authors()).hasSize(CatalogueFacets.TOP);
        assertThat(facets.authors().stream().map(NameCount::name)).containsExactlyElementsOf(expected);
        assertThat(facets.authors().get(0).count()).isEqualTo(3);
        assertThat(facets.authors().get(1).count()).isEqualTo(2);
        assertThat(facets.series().stream().map(NameCount::name))
                .containsExactlyElementsOf(
                        expected.stream().map(n -> "Series " + n).toList());
    }

    @Test
    void suggestsBooksWhoseTitleAuthorOrSeriesStartsSoIgnoringCaseAndAccents() {
        Product perez = book("Pérez and the Sea", "Ana Lúcia", null, 999, 1);
        Product astrom = book("Night Train", "Åsa ÅSTRÖM", null, 999, 1);
        Product strasse = book("Die Straße", "Kurt Weil", "Œuvres complètes", 999, 1);

        assertThat(suggest("perez", 8)).containsExactly(suggestion(perez));
        assertThat(suggest("PÉREZ A", 8)).containsExactly(suggestion(perez));
        assertThat(suggest("ana luc", 8)).containsExactly(suggestion(perez));
        assertThat(suggest("asa astro", 8)).containsExactly(suggestion(astrom));
        assertThat(suggest("die strasse", 8)).containsExactly(suggestion(strasse));
        assertThat(suggest("oeuvres", 8)).containsExactly(suggestion(strasse));
        assertThat(suggest("sea", 8)).as("only the start matches").isEmpty();
    }

    @Test
    void suggestsTitleMatchesFirstThenAuthorThenSeriesEachByTitleOnce() {
        Product byAuthor = book("Zebra", "Harold Pinter", null, 999, 1);
        Product bySeries = book("Apple", "Someone", "Harbour Tales", 999, 1);
        Product titleAndAuthor = book("Harvest", "Harriet Vane", null, 999, 1);
        Product title = book("harbour lights", "Nobody", "Harbour Tales", 999, 1);
        Product secondByAuthor = book("Alpha", "Harry Hole", null, 999, 1);
        givenProduct(TestData.product().title("Harpoon").inactive().build());

        assertThat(suggest("har", 8))
                .containsExactly(
                        suggestion(title),
                        suggestion(titleAndAuthor),
                        suggestion(secondByAuthor),
                        suggestion(byAuthor),
                        suggestion(bySeries));
        assertThat(suggest("har", 3))
                .containsExactly(suggestion(title), suggestion(titleAndAuthor), suggestion(secondByAuthor));
        assertThat(suggest("har", 1)).containsExactly(suggestion(title));
    }

    @Test
    void neverSuggestsAWithdrawnBook() {
        givenProduct(TestData.product().title("Hidden Gem").inactive().build());
        givenProduct(TestData.product().author("Hidden Author").inactive().build());

        assertThat(suggest("hidden", 8)).isEmpty();
    }

    private static Suggestion suggestion(Product book) {
        return new Suggestion(book.slug(), book.title(), book.details().author());
    }
}
