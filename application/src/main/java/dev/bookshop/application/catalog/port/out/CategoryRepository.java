package dev.bookshop.application.catalog.port.out;

import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.common.Slug;
import java.util.Collection;
import java.util.List;

/** The shop's categories. Slugs are unique. */
public interface CategoryRepository {

    /** Inserts the category unless its slug is taken (then nothing is written and the answer is false). */
    boolean insertIfSlugFree(Category category);

    /** Every category, by name. */
    List<Category> findAll();

    /** The categories with these slugs; slugs that match nothing are simply absent from the answer. */
    List<Category> findBySlugs(Collection<Slug> slugs);
}
