package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.shared.query.PageRequest;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.LongSupplier;

/** Reads one page of a list and its total, counting the whole list only when the page itself cannot tell. */
final class Paging {

    private Paging() {}

    /** The rows of the page {@code request} names, read with {@code query}'s order. */
    static <T> List<T> page(TypedQuery<T> query, PageRequest request) {
        // JPA counts rows with an int; no list here is that long, so a page past it is simply empty.
        if (request.offset() > Integer.MAX_VALUE) {
            return List.of();
        }
        return query.setFirstResult((int) request.offset())
                .setMaxResults(request.size())
                .getResultList();
    }

    /**
     * The total of a list of which a page of {@code rowsOnPage} rows was read. A page that is neither empty nor full is
     * the last one, so the total follows from it; a first page that is empty means an empty list. Only a full page or
     * an empty page past the first needs the count query.
     */
    static long total(int rowsOnPage, PageRequest request, LongSupplier countAll) {
        if (rowsOnPage > 0 && rowsOnPage < request.size()) {
            return request.offset() + rowsOnPage;
        }
        if (rowsOnPage == 0 && request.page() == 1) {
            return 0;
        }
        return countAll.getAsLong();
    }
}
