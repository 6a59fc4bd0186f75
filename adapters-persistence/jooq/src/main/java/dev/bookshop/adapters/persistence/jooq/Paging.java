package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import java.util.List;
import java.util.function.LongSupplier;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

/** Reads a page and its total in one query, with {@code count(*) over ()} next to every row. */
final class Paging {

    static final Field<Integer> TOTAL = DSL.count().over().as("total_count");

    private Paging() {}

    /**
     * The total of a page read with {@link #TOTAL}. A page past the end has no row to carry it, so only then is the
     * total counted separately.
     */
    static long total(Result<? extends Record> rows, PageRequest request, LongSupplier countAll) {
        if (!rows.isEmpty()) {
            return rows.get(0).get(TOTAL);
        }
        return request.page() == 1 ? 0 : countAll.getAsLong();
    }

    static <T> Page<T> page(List<T> items, PageRequest request, long total) {
        return Page.of(items, request, total);
    }
}
