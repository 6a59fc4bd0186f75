package dev.bookshop.application.catalog.port.in;

import dev.bookshop.domain.catalog.Category;
import java.util.List;

/** Every category, by name. */
public interface ListCategoriesUseCase {
    List<Category> listCategories();
}
