package dev.bookshop.adapters.web.catalog;

import dev.bookshop.domain.catalog.Category;

/** A category in the category list and in the admin's create answer. */
public record CategoryView(String id, String slug, String name) {

    public static CategoryView of(Category category) {
        return new CategoryView(category.id().toString(), category.slug().value(), category.name());
    }
}
