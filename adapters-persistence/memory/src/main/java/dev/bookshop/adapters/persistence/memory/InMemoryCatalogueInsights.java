package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.catalog.port.out.CatalogueInsights;
import dev.bookshop.application.catalog.query.CatalogueFacets;
import dev.bookshop.application.catalog.query.CatalogueFacets.BandCount;
import dev.bookshop.application.catalog.query.CatalogueFacets.NameCount;
import dev.bookshop.application.catalog.query.CatalogueFacets.ShelfCount;
import dev.bookshop.application.catalog.query.FoldedText;
import dev.bookshop.application.catalog.query.PriceBand;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.Suggestion;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Product;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Facets and suggestions over the in-memory books, counted the way the database adapters count them. */
final class InMemoryCatalogueInsights implements CatalogueInsights {

    private static final Comparator<Product> BY_FOLDED_TITLE = Comparator.comparing(
                    (Product p) -> FoldedText.fold(p.title()))
            .thenComparing(Product::title)
            .thenComparing(p -> p.id().value(), InMemoryStore.UUID_ORDER);

    private final InMemoryStore store;
    private final int bound;

    InMemoryCatalogueInsights(InMemoryStore store, int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        this.store = store;
        this.bound = bound;
    }

    @Override
    public CatalogueFacets facets(ProductQuery filters) {
        Predicate<Product> matches = InMemoryProductRepository.matcher(filters.withInactive(false));
        return count(matches);
    }

    @Override
    public CatalogueFacets facetsOfSearch(String text) {
        SearchText search = SearchText.of(text);
        return count(p -> p.active() && !search.isEmpty() && search.score(p) > 0);
    }

    private CatalogueFacets count(Predicate<Product> matches) {
        List<Product> found = store.locked(() -> store.products.values().stream()
                .filter(matches)
                .limit(bound + 1L)
                .toList());
        boolean exact = found.size() <= bound;
        List<Product> counted = exact ? found : found.subList(0, bound);

        Map<Category, Long> shelves = tally(counted.stream().flatMap(p -> p.categories().stream()));
        List<ShelfCount> categories = shelves.entrySet().stream()
                .sorted(Map.Entry.<Category, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().name()))
                .map(e -> new ShelfCount(e.getKey().slug(), e.getKey().name(), e.getValue()))
                .toList();
        List<NameCount> series = top(counted.stream().flatMap(p -> p.details().series().stream()));
        List<NameCount> authors = top(counted.stream().map(p -> p.details().author()));
        List<BandCount> bands = PriceBand.STANDARD.stream()
                .map(band -> new BandCount(
                        band,
                        counted.stream()
                                .filter(p -> band.contains(p.price().cents()))
                                .count()))
                .toList();
        long inStock = counted.stream().filter(Product::inStock).count();
        return new CatalogueFacets(categories, series, authors, bands, inStock, exact);
    }

    private static <T> Map<T, Long> tally(Stream<T> values) {
        Map<T, Long> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(v, 1L, Long::sum));
        return counts;
    }

    private static List<NameCount> top(Stream<String> names) {
        return tally(names).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(CatalogueFacets.TOP)
                .map(e -> new NameCount(e.getKey(), e.getValue()))
                .toList();
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        String folded = FoldedText.fold(prefix);
        List<Product> active = store.locked(
                () -> store.products.values().stream().filter(Product::active).toList());
        Set<Product> offered = new LinkedHashSet<>();
        active.stream()
                .filter(p -> FoldedText.fold(p.title()).startsWith(folded))
                .sorted(BY_FOLDED_TITLE)
                .forEach(offered::add);
        for (Function<Product, Optional<String>> field : List.<Function<Product, Optional<String>>>of(
                p -> Optional.of(p.details().author()), p -> p.details().series())) {
            active.stream()
                    .flatMap(p -> field.apply(p).map(FoldedText::fold).filter(key -> key.startsWith(folded)).stream()
                            .map(key -> Map.entry(key, p)))
                    .sorted(Map.Entry.comparingByKey())
                    .limit(SUGGEST_GROUP_CAP)
                    .map(Map.Entry::getValue)
                    .sorted(BY_FOLDED_TITLE)
                    .forEach(offered::add);
        }
        return offered.stream()
                .limit(limit)
                .map(p -> new Suggestion(p.slug(), p.title(), p.details().author()))
                .toList();
    }
}
