package dev.bookshop.adapters.web.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Isbn;
import dev.bookshop.domain.catalog.Product;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * A book as the API shows it. {@code active} and {@code version} appear in admin answers only; the shop front lists
 * active books alone, so there active would always say true, and the version (the book's {@code ETag}) is for editors.
 */
public record ProductView(
        String id,
        String slug,
        String title,
        String author,
        String series,
        String description,
        String isbn,
        long priceCents,
        String currency,
        int stock,
        boolean inStock,
        List<CategoryRef> categories,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean active,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long version) {

    public static ProductView forShop(Product product, Currency currency) {
        return of(product, currency, null, null);
    }

    public static ProductView forAdmin(Product product, Currency currency) {
        return of(product, currency, product.active(), product.version());
    }

    private static ProductView of(Product product, Currency currency, Boolean active, Long version) {
        var details = product.details();
        return new ProductView(
                product.id().toString(),
                product.slug().value(),
                details.title(),
                details.author(),
                details.series().orElse(null),
                details.description().orElse(null),
                details.isbn().map(Isbn::value).orElse(null),
                product.price().cents(),
                currency.getCurrencyCode(),
                product.stock(),
                product.inStock(),
                product.categories().stream().map(CategoryRef::of).toList(),
                product.createdAt(),
                product.updatedAt(),
                active,
                version);
    }

    /** A category as a book lists it. */
    public record CategoryRef(String slug, String name) {
        static CategoryRef of(Category category) {
            return new CategoryRef(category.slug().value(), category.name());
        }
    }
}
