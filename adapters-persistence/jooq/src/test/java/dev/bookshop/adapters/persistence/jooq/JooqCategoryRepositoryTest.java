package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.category;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.common.Slug;
import java.util.List;
import org.junit.jupiter.api.Test;

class JooqCategoryRepositoryTest extends DatabaseTest {

    @Test
    void stores_categories_by_unique_slug_and_lists_them_by_name() {
        Category fantasy = category("Fantasy");
        Category classics = category("Classics");

        assertThat(ports.categories().insertIfSlugFree(fantasy)).isTrue();
        assertThat(ports.categories().insertIfSlugFree(classics)).isTrue();
        assertThat(ports.categories().insertIfSlugFree(category("fantasy"))).isFalse();

        assertThat(ports.categories().findAll()).containsExactly(classics, fantasy);
        assertThat(ports.categories().findBySlugs(List.of(new Slug("fantasy"), new Slug("missing"))))
                .containsExactly(fantasy);
        assertThat(ports.categories().findBySlugs(List.of())).isEmpty();
    }
}
