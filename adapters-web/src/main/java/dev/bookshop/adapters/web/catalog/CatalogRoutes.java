package dev.bookshop.adapters.web.catalog;

import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.http.ConditionalGet;
import dev.bookshop.adapters.web.http.QueryParams;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.application.catalog.port.in.BrowseProductsUseCase;
import dev.bookshop.application.catalog.port.in.CatalogueFacetsUseCase;
import dev.bookshop.application.catalog.port.in.GetProductUseCase;
import dev.bookshop.application.catalog.port.in.ListCategoriesUseCase;
import dev.bookshop.application.catalog.port.in.SearchProductsUseCase;
import dev.bookshop.application.catalog.port.in.SuggestBooksUseCase;
import dev.bookshop.application.shared.query.PageRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The public shop front: browsing, searching and reading books, and the category list. */
public final class CatalogRoutes {

    static final int MAX_QUERY_LENGTH = 200;

    private static final List<String> LIST_FILTERS =
            List.of("series", "author", "category", "minPrice", "maxPrice", "inStock");

    private final BrowseProductsUseCase browseProducts;
    private final SearchProductsUseCase searchProducts;
    private final GetProductUseCase getProduct;
    private final ListCategoriesUseCase listCategories;
    private final CatalogueFacetsUseCase facets;
    private final SuggestBooksUseCase suggestions;
    private final Currency currency;

    public CatalogRoutes(
            BrowseProductsUseCase browseProducts,
            SearchProductsUseCase searchProducts,
            GetProductUseCase getProduct,
            ListCategoriesUseCase listCategories,
            CatalogueFacetsUseCase facets,
            SuggestBooksUseCase suggestions,
            Currency currency) {
        this.browseProducts = browseProducts;
        this.searchProducts = searchProducts;
        this.getProduct = getProduct;
        this.listCategories = listCategories;
        this.facets = facets;
        this.suggestions = suggestions;
        this.currency = currency;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/products", this::browse, Access.PUBLIC);
        // Registered before the detail route, which would otherwise take "search", "facets" or "suggest" for a slug.
        routes.get("/api/v1/products/search", this::search, Access.PUBLIC);
        routes.get("/api/v1/products/facets", this::facets, Access.PUBLIC);
        routes.get("/api/v1/products/suggest", this::suggest, Access.PUBLIC);
        routes.get("/api/v1/products/{idOrSlug}", this::detail, Access.PUBLIC);
        routes.get("/api/v1/categories", this::categories, Access.PUBLIC);
    }

    private void browse(Context ctx) {
        Violations violations = new Violations();
        Optional<String> cursor = ProductFilters.cursor(ctx, violations);
        var query = ProductFilters.read(ctx, violations);
        var page = browseProducts.browse(query, cursor);
        ConditionalGet.json(ctx, ProductPageView.of(page, p -> ProductView.forShop(p, currency)));
    }

    private void search(Context ctx) {
        QueryParams query = new QueryParams(ctx);
        Violations violations = new Violations();
        String text = query.text("q").map(String::strip).orElse("");
        if (text.isEmpty()) {
            violations.add("q", "must not be blank");
        } else if (text.length() > MAX_QUERY_LENGTH) {
            violations.add("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        Optional<String> cursor = ProductFilters.cursor(ctx, violations);
        PageRequest page = query.page(violations);
        violations.throwIfAny();
        ConditionalGet.json(
                ctx,
                ProductPageView.of(searchProducts.search(text, page, cursor), p -> ProductView.forShop(p, currency)));
    }

    /** With {@code q}, over what that search finds; otherwise over what the list filters find. */
    private void facets(Context ctx) {
        QueryParams query = new QueryParams(ctx);
        if (query.text("q").isEmpty()) {
            ConditionalGet.json(ctx, FacetsView.of(facets.facets(ProductFilters.read(ctx))));
            return;
        }
        Violations violations = new Violations();
        for (String filter : LIST_FILTERS) {
            if (query.text(filter).isPresent()) {
                violations.add(filter, "cannot be combined with q: facets are of a search or of a list");
            }
        }
        violations.throwIfAny();
        ConditionalGet.json(
                ctx, FacetsView.of(facets.facetsOfSearch(query.text("q").get())));
    }

    private void suggest(Context ctx) {
        QueryParams query = new QueryParams(ctx);
        Violations violations = new Violations();
        Long limit =
                violations.field("limit", () -> query.whole("limit").orElse((long) SuggestBooksUseCase.DEFAULT_LIMIT));
        if (limit != null && (limit < 1 || limit > SuggestBooksUseCase.MAX_LIMIT)) {
            violations.add("limit", "must be between 1 and " + SuggestBooksUseCase.MAX_LIMIT);
        }
        String text = query.text("q").map(String::strip).orElse("");
        if (text.isEmpty()) {
            violations.add("q", "must not be blank");
        } else if (text.length() > SuggestBooksUseCase.MAX_TEXT) {
            violations.add("q", "must be at most " + SuggestBooksUseCase.MAX_TEXT + " characters");
        }
        violations.throwIfAny();
        ConditionalGet.json(
                ctx,
                suggestions.suggest(text, limit.intValue()).stream()
                        .map(SuggestionView::of)
                        .toList());
    }

    private void detail(Context ctx) {
        ConditionalGet.json(ctx, ProductView.forShop(getProduct.getProduct(ctx.pathParam("idOrSlug")), currency));
    }

    private void categories(Context ctx) {
        ConditionalGet.json(
                ctx,
                listCategories.listCategories().stream().map(CategoryView::of).toList());
    }
}
