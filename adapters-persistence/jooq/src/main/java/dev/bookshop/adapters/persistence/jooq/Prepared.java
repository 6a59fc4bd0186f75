package dev.bookshop.adapters.persistence.jooq;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;

/**
 * A statement of the hot paths, written with jOOQ's DSL (its values as {@link org.jooq.impl.DSL#param} placeholders)
 * and rendered once, when the adapter is built; each run binds fresh values to that SQL. Rendering a query and
 * walking it again to bind its values was a fifth to a third of the server's CPU on every cart change and checkout,
 * for SQL that never changes. jOOQ's manual suggests exactly this for statements run very often.
 *
 * <p>Values are bound in the order their placeholders appear in the SQL; the rows read back are typed by the
 * statement's own fields, so {@code record.get(TABLE.COLUMN)} works as with the DSL.
 */
final class Prepared {

    private final String sql;
    private final List<Field<?>> fields;

    private Prepared(String sql, List<Field<?>> fields) {
        this.sql = sql;
        this.fields = fields;
    }

    static Prepared of(DSLContext dsl, ResultQuery<?> query) {
        return new Prepared(dsl.render(query), List.of(query.fields()));
    }

    static Prepared of(DSLContext dsl, Query statement) {
        return new Prepared(dsl.render(statement), List.of());
    }

    /** The query with these values, on the context's connection (the thread's transaction, if any). */
    ResultQuery<Record> with(DSLContext dsl, Object... values) {
        return dsl.resultQuery(sql, values).coerce(fields);
    }

    /** Runs the statement with these values; answers how many rows it changed. */
    int execute(DSLContext dsl, Object... values) {
        return dsl.query(sql, values).execute();
    }

    @Override
    public String toString() {
        return sql;
    }
}
