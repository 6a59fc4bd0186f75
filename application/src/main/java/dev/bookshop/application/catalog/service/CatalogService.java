package dev.bookshop.application.catalog.service;

import dev.bookshop.application.catalog.port.in.BrowseProductsUseCase;
import dev.bookshop.application.catalog.port.in.GetProductUseCase;
import dev.bookshop.application.catalog.port.in.ListCategoriesUseCase;
import dev.bookshop.application.catalog.port.in.SearchProductsUseCase;
import dev.bookshop.application.catalog.port.out.CategoryRepository;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.common.Text;
import dev.bookshop.domain.common.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The public shop front: only active books are ever visible here. */
public final class CatalogService
        implements BrowseProductsUseCase, SearchProductsUseCase, GetProductUseCase, ListCategoriesUseCase {

    public static final int MAX_SEARCH_LENGTH = 200;

    private final ProductRepository products;
    private final CategoryRepository categories;

    public CatalogService(ProductRepository products, CategoryRepository categories) {
        this.products = products;
        this.categories = categories;
    }

    @Override
    public Page<Product> browse(ProductQuery query) {
        return products.find(query.withInactive(false));
    }

    @Override
    public Page<Product> search(String text, PageRequest page) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of("q", "must not be blank");
        }
        if (Text.hasControlCharacters(text)) {
            throw ValidationException.of("q", "must not contain control characters");
        }
        if (text.length() > MAX_SEARCH_LENGTH) {
            throw ValidationException.of("q", "must be at most " + MAX_SEARCH_LENGTH + " characters");
        }
        return products.search(text.strip(), page);
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
