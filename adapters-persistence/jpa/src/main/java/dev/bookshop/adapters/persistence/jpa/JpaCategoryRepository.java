package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.catalog.port.out.CategoryRepository;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.common.Slug;
import java.util.Collection;
import java.util.List;

/**
 * Categories in {@code categories}; the unique slug settles concurrent creations. Lists sort by name in code-point
 * order, like the other adapters, whatever the server's locale.
 */
final class JpaCategoryRepository implements CategoryRepository {

    private static final String BY_NAME = "order by collate(c.name as " + Collations.CODE_POINT
            + "), collate(c.slug as " + Collations.CODE_POINT + "), c.id";

    private final JpaTransactionRunner transactions;

    JpaCategoryRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean insertIfSlugFree(Category category) {
        CategoryEntity row = CategoryMapper.toEntity(category);
        return transactions.call(em -> em.createQuery("""
                                insert into CategoryEntity (id, slug, name) values (:id, :slug, :name)
                                on conflict do nothing""")
                        .setParameter("id", row.id)
                        .setParameter("slug", row.slug)
                        .setParameter("name", row.name)
                        .executeUpdate()
                == 1);
    }

    @Override
    public List<Category> findAll() {
        return transactions.call(em -> em.createQuery("select c from CategoryEntity c " + BY_NAME, CategoryEntity.class)
                .getResultStream()
                .map(CategoryMapper::toDomain)
                .toList());
    }

    @Override
    public List<Category> findBySlugs(Collection<Slug> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return transactions.call(em -> em.createQuery(
                        "select c from CategoryEntity c where c.slug in :slugs " + BY_NAME, CategoryEntity.class)
                .setParameter("slugs", slugs.stream().map(Slug::value).toList())
                .getResultStream()
                .map(CategoryMapper::toDomain)
                .toList());
    }
}
