package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.CategoryId;
import dev.bookshop.domain.common.Slug;

/** Maps a {@link CategoryEntity} to a {@link Category} and back. */
final class CategoryMapper {

    private CategoryMapper() {}

    static Category toDomain(CategoryEntity row) {
        return new Category(CategoryId.of(row.id), new Slug(row.slug), row.name);
    }

    static CategoryEntity toEntity(Category category) {
        CategoryEntity row = new CategoryEntity();
        row.id = category.id().value();
        row.slug = category.slug().value();
        row.name = category.name();
        return row;
    }
}
