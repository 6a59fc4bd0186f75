package dev.bookshop.adapters.web.http;

import dev.bookshop.application.shared.query.Page;
import java.util.List;
import java.util.function.Function;

/** A page of a list as the API answers it: {@code {"items","page","size","total"}}. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public static <S, T> PageView<T> of(Page<S> page, Function<? super S, ? extends T> view) {
        return new PageView<>(page.items().stream().<T>map(view).toList(), page.page(), page.size(), page.total());
    }
}
