package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.CategoryId;
import dev.bookshop.domain.common.Slug;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code CategoryRepository} must do. */
public abstract class CategoryRepositoryContract extends PersistenceContract {

    @Test
    void roundTripsEveryField() {
        Category category = givenCategory();

        inTx(() -> {
            assertThat(ports.categories().findAll()).contains(category);
            assertThat(ports.categories().findBySlugs(List.of(category.slug()))).containsExactly(category);
        });
    }

    @Test
    void refusesATakenSlugAndWritesNothing() {
        Category first = givenCategory();
        Category clash = new Category(CategoryId.of(UUID.randomUUID()), first.slug(), "Another " + TestData.word());

        boolean inserted = inTx(() -> ports.categories().insertIfSlugFree(clash));

        assertThat(inserted).isFalse();
        inTx(() -> {
            assertThat(ports.categories().findBySlugs(List.of(first.slug()))).containsExactly(first);
            assertThat(ports.categories().findAll()).doesNotContain(clash);
        });
    }

    @Test
    void listsEveryCategoryByName() {
        String word = TestData.word();
        Category zeta = category("Zeta " + word);
        Category alpha = category("Alpha " + word);
        Category mid = category("Mid " + word);
        Set<Category> mine = Set.of(zeta, alpha, mid);
        inTx(() -> mine.forEach(c -> ports.categories().insertIfSlugFree(c)));

        List<Category> all = inTx(() -> ports.categories().findAll());

        assertThat(all).filteredOn(mine::contains).containsExactly(alpha, mid, zeta);
    }

    @Test
    void findsBySlugsSkippingUnknownOnes() {
        Category wanted = givenCategory();
        Category alsoWanted = givenCategory();
        Category notWanted = givenCategory();

        List<Category> found = inTx(() -> ports.categories()
                .findBySlugs(List.of(wanted.slug(), alsoWanted.slug(), Slug.fromText("none " + TestData.word()))));

        assertThat(found).containsExactlyInAnyOrder(wanted, alsoWanted).doesNotContain(notWanted);
    }

    @Test
    void findsNothingForNoSlugs() {
        givenCategory();

        assertThat(inTx(() -> ports.categories().findBySlugs(List.of()))).isEmpty();
    }

    private static Category category(String name) {
        return Category.create(CategoryId.of(UUID.randomUUID()), name);
    }
}
