package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.ProductsRecord;
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

/** Maps a {@code products} row and its categories to a {@link Product}, and a product to its row. */
final class ProductMapper {

    private ProductMapper() {}

    static Product toDomain(ProductsRecord row, List<Category> categories) {
        return Product.rehydrate(
                ProductId.of(row.getId()),
                new Slug(row.getSlug()),
                new BookDetails(
                        row.getTitle(),
                        row.getAuthor(),
                        Optional.ofNullable(row.getSeries()),
                        Optional.ofNullable(row.getDescription()),
                        Optional.ofNullable(row.getIsbn()).map(Isbn::new)),
                Price.ofCents(row.getPriceCents()),
                Stock.of(row.getStock()),
                row.getActive(),
                categories,
                row.getCreatedAt(),
                row.getUpdatedAt(),
                row.getVersion());
    }

    static ProductsRecord toRecord(Product product) {
        BookDetails details = product.details();
        ProductsRecord row = new ProductsRecord();
        row.setId(product.id().value());
        row.setSlug(product.slug().value());
        row.setTitle(details.title());
        row.setAuthor(details.author());
        row.setSeries(details.series().orElse(null));
        row.setDescription(details.description().orElse(null));
        row.setIsbn(details.isbn().map(Isbn::value).orElse(null));
        row.setPriceCents(product.price().cents());
        row.setStock(product.stock());
        row.setActive(product.active());
        row.setCreatedAt(product.createdAt());
        row.setUpdatedAt(product.updatedAt());
        row.setVersion(product.version());
        return row;
    }
}
