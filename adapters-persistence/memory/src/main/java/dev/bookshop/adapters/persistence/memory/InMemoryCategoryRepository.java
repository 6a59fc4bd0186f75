package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.catalog.port.out.CategoryRepository;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.common.Slug;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Categories in memory, unique by slug. */
final class InMemoryCategoryRepository implements CategoryRepository {

    static final Comparator<Category> BY_NAME = Comparator.comparing(Category::name)
            .thenComparing(c -> c.slug().value())
            .thenComparing(c -> c.id().value(), InMemoryStore.UUID_ORDER);

    private final InMemoryStore store;

    InMemoryCategoryRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean insertIfSlugFree(Category category) {
        return store.locked(() -> {
            InMemoryStore.requireNewKey(store.categories, category.id(), "category");
            if (store.categories.values().stream().anyMatch(c -> c.slug().equals(category.slug()))) {
                return false;
            }
            store.categories.put(category.id(), category);
            return true;
        });
    }

    @Override
    public List<Category> findAll() {
        return store.locked(
                () -> store.categories.values().stream().sorted(BY_NAME).toList());
    }

    @Override
    public List<Category> findBySlugs(Collection<Slug> slugs) {
        Set<Slug> wanted = Set.copyOf(slugs);
        return store.locked(() -> store.categories.values().stream()
                .filter(c -> wanted.contains(c.slug()))
                .sorted(BY_NAME)
                .toList());
    }
}
