package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Isbn;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Slug;
import java.util.List;
import java.util.Optional;

/**
 * Maps a {@link ProductEntity} and its categories to a {@link Product}, and a product's columns onto an entity. The
 * categories are handed in rather than read from the entity, so that a page of products can have them fetched for
 * all at once.
 */
final class ProductMapper {

    private ProductMapper() {}

    static Product toDomain(ProductEntity row, List<Category> categories) {
        return Product.rehydrate(
                ProductId.of(row.id),
                new Slug(row.slug),
                new BookDetails(
                        row.title,
                        row.author,
                        Optional.ofNullable(row.series),
                        Optional.ofNullable(row.description),
                        Optional.ofNullable(row.isbn).map(Isbn::new)),
                Price.ofCents(row.priceCents),
                Stock.of(row.stock),
                row.active,
                categories,
                row.createdAt,
                row.updatedAt,
                row.version);
    }

    /** A new row, stock included; its categories are linked separately. */
    static ProductEntity toNewEntity(Product product) {
        ProductEntity row = new ProductEntity();
        row.id = product.id().value();
        row.slug = product.slug().value();
        row.stock = product.stock();
        row.createdAt = product.createdAt();
        copyEditableColumns(product, row);
        return row;
    }

    /**
     * Everything {@code ProductRepository.update} may write, the version included: never the stock, the slug or the
     * creation time.
     */
    static void copyEditableColumns(Product product, ProductEntity row) {
        BookDetails details = product.details();
        row.title = details.title();
        row.author = details.author();
        row.series = details.series().orElse(null);
        row.description = details.description().orElse(null);
        row.isbn = details.isbn().map(Isbn::value).orElse(null);
        row.priceCents = product.price().cents();
        row.active = product.active();
        row.updatedAt = product.updatedAt();
        row.version = product.version();
    }
}
