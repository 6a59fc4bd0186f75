package dev.bookshop.application.catalog.service;

import dev.bookshop.application.catalog.port.in.BrowseProductsUseCase;
import dev.bookshop.application.catalog.port.in.GetProductUseCase;
import dev.bookshop.application.catalog.port.in.ListCategoriesUseCase;
import dev.bookshop.application.catalog.port.in.SearchProductsUseCase;
import dev.bookshop.application.catalog.port.out.CatalogueSearch;
import dev.bookshop.application.catalog.port.out.CategoryRepository;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.catalog.query.Listing;
import dev.bookshop.application.catalog.query.ListingKey;
import dev.bookshop.application.catalog.query.ProductCursor;
import dev.bookshop.application.catalog.query.ProductPage;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.common.PageWindowExceededException;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.common.Text;
import dev.bookshop.domain.common.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** The public shop front: only active books are ever visible here. */
public final class CatalogService
        implements BrowseProductsUseCase, SearchProductsUseCase, GetProductUseCase, ListCategoriesUseCase {

    public static final int MAX_SEARCH_LENGTH = 200;

    private final ProductRepository products;
    private final CatalogueSearch catalogue;
    private final CategoryRepository categories;
    private final int window;

    /** {@code window}: how deep numbered pages reach, and how many matches are counted and ranked. */
    public CatalogService(
            ProductRepository products, CatalogueSearch catalogue, CategoryRepository categories, int window) {
        this.products = products;
        this.catalogue = catalogue;
        this.categories = categories;
        this.window = window;
    }

    public CatalogService(ProductRepository products, CategoryRepository categories) {
        this(products, products, categories, ShopSettings.DEFAULT_CATALOGUE_WINDOW);
    }

    @Override
    public ProductPage browse(ProductQuery query, Optional<String> cursor) {
        ProductQuery shop = query.withInactive(false);
        long fingerprint = ProductCursor.fingerprintOf(shop);
        Optional<ListingKey> after = cursor.map(c -> ProductCursor.decode(c, fingerprint));
        if (after.isEmpty()) {
            requireWithinWindow(shop.page());
        }
        return page(catalogue.list(shop, after, window), shop.page(), after.isPresent(), fingerprint);
    }

    @Override
    public ProductPage search(String text, PageRequest page, Optional<String> cursor) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of("q", "must not be blank");
        }
        if (Text.hasControlCharacters(text)) {
            throw ValidationException.of("q", "must not contain control characters");
        }
        if (text.length() > MAX_SEARCH_LENGTH) {
            throw ValidationException.of("q", "must be at most " + MAX_SEARCH_LENGTH + " characters");
        }
        String words = text.strip();
        long fingerprint = ProductCursor.fingerprintOfSearch(words);
        Optional<ListingKey> after = cursor.map(c -> ProductCursor.decode(c, fingerprint));
        if (after.isEmpty()) {
            requireWithinWindow(page);
        }
        return page(catalogue.search(words, page, after, window), page, after.isPresent(), fingerprint);
    }

    /**
     * A numbered page makes the store read and skip every row before it; past the window that cost grows with the
     * depth, so such pages are refused and cursors (which cost the same at any depth) go further.
     */
    private void requireWithinWindow(PageRequest page) {
        if (page.offset() + page.size() > window) {
            throw new PageWindowExceededException(window);
        }
    }

    private static ProductPage page(Listing found, PageRequest page, boolean byCursor, long fingerprint) {
        return new ProductPage(
                found.items(),
                byCursor ? OptionalInt.empty() : OptionalInt.of(page.page()),
                page.size(),
                found.total(),
                found.totalExact(),
                found.continueAfter().map(key -> ProductCursor.encode(key, fingerprint)));
    }

    @Override
    public Product getProduct(String idOrSlug) {
        return lookUp(idOrSlug).filter(Product::active).orElseThrow(() -> new ProductNotFoundException(idOrSlug));
    }

    private Optional<Product> lookUp(String idOrSlug) {
        if (idOrSlug == null) {
            return Optional.empty();
        }
        try {
            return products.findById(new ProductId(UUID.fromString(idOrSlug)));
        } catch (IllegalArgumentException notAnId) {
            return Slug.looksLikeSlug(idOrSlug) ? products.findBySlug(new Slug(idOrSlug)) : Optional.empty();
        }
    }

    @Override
    public List<Category> listCategories() {
        return categories.findAll();
    }
}
