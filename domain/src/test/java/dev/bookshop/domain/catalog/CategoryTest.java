package dev.bookshop.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Slug;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CategoryTest {

    private static final CategoryId ID = CategoryId.of(UUID.randomUUID());

    @Test
    void aNewCategoryDerivesItsSlugFromItsName() {
        Category category = Category.create(ID, "  Children's Books ");

        assertThat(category.name()).isEqualTo("Children's Books");
        assertThat(category.slug()).isEqualTo(new Slug("childrens-books"));
    }

    @Test
    void theNameIsRequiredAndBounded() {
        assertThatThrownBy(() -> Category.create(ID, " ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Category.create(ID, "x".repeat(Category.MAX_NAME_LENGTH + 1)))
                .isInstanceOf(InvalidValueException.class);
        assertThat(Category.create(ID, "x".repeat(Category.MAX_NAME_LENGTH)).name())
                .hasSize(Category.MAX_NAME_LENGTH);
    }
}
