package dev.bookshop.adapters.web.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Isbn;
import dev.bookshop.domain.catalog.Product;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * A book as the API shows it. {@code active} appears in admin answers only; the shop front lists active books
 * alone, so there it would always say true.
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
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean active) {

    public static ProductView forShop(Product product, Currency currency) {
        return of(product, currency, null);
    }

    public static ProductView forAdmin(Product product, Currency currency) {
        return of(product, currency, product.active());
    }

    private static ProductView of(Product product, Currency currency, Boolean active) {
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
                active);
    }

    /** A category as a book lists it. */
    public record CategoryRef(String slug, String name) {
        static CategoryRef of(Category category) {
            return new CategoryRef(category.slug().value(), category.name());
        }
    }
}
