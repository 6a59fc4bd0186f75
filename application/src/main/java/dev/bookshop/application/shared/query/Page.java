package dev.bookshop.application.shared.query;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One page of a longer list, with the total count of the whole list. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative");
        }
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }

    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return of(all.subList(from, to), request, all.size());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper);
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
