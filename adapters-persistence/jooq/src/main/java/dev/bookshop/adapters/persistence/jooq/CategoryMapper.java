package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.CategoriesRecord;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.CategoryId;
import dev.bookshop.domain.common.Slug;

/** Maps a {@code categories} row to a {@link Category} and back. */
final class CategoryMapper {

    private CategoryMapper() {}

    static Category toDomain(CategoriesRecord row) {
        return new Category(CategoryId.of(row.getId()), new Slug(row.getSlug()), row.getName());
    }

    static CategoriesRecord toRecord(Category category) {
        return new CategoriesRecord(category.id().value(), category.slug().value(), category.name());
    }
}
