package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.common.Text;
import java.util.Objects;

/** A shelf of the shop ("Fantasy", "Children's books"); books sit on any number of them. */
public record Category(CategoryId id, Slug slug, String name) {

    public static final int MAX_NAME_LENGTH = 100;

    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        name = Text.required(name, "name", MAX_NAME_LENGTH);
    }

    /** A new category whose slug is derived from its name. */
    public static Category create(CategoryId id, String name) {
        String checked = Text.required(name, "name", MAX_NAME_LENGTH);
        return new Category(id, Slug.fromText(checked), checked);
    }
}
