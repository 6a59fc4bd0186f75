package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.CATEGORIES;

import dev.bookshop.application.catalog.port.out.CategoryRepository;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.common.Slug;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Categories in {@code categories}; the unique slug settles concurrent creations. Lists sort by name in code-point
 * order, like the other adapters, whatever the server's locale.
 */
final class JooqCategoryRepository implements CategoryRepository {

    private final DSLContext dsl;

    JooqCategoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean insertIfSlugFree(Category category) {
        return dsl.insertInto(CATEGORIES)
                        .set(CategoryMapper.toRecord(category))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Override
    public List<Category> findAll() {
        return dsl.selectFrom(CATEGORIES)
                .orderBy(CATEGORIES.NAME.collate("C"), CATEGORIES.SLUG.collate("C"), CATEGORIES.ID)
                .fetch(CategoryMapper::toDomain);
    }

    @Override
    public List<Category> findBySlugs(Collection<Slug> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(CATEGORIES)
                .where(CATEGORIES.SLUG.in(slugs.stream().map(Slug::value).toList()))
                .orderBy(CATEGORIES.NAME.collate("C"), CATEGORIES.SLUG.collate("C"), CATEGORIES.ID)
                .fetch(CategoryMapper::toDomain);
    }
}
