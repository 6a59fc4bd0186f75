package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.testdb.TestDatabase;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a suite class its own migrated database with the jOOQ adapter on it, and a clean slate for every test that
 * asks for {@link #freshPorts()}. Register it as a static field with {@code @RegisterExtension}.
 */
final class JooqDatabaseExtension implements BeforeAllCallback, AfterAllCallback {

    private TestDatabase db;
    private PersistencePorts ports;
    // Nested test classes run the callbacks again; only the outermost opens and closes the database.
    private int depth;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (depth++ == 0) {
            db = TestDatabase.create();
            ports = JooqPersistence.create(db.dataSource());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--depth == 0) {
            db.close();
            db = null;
            ports = null;
        }
    }

    /** The adapter over emptied tables. */
    PersistencePorts freshPorts() {
        db.truncateAllTables();
        return ports;
    }

    /** Another instance of the adapter, its facets counting at most {@code facetBound} books, over emptied tables. */
    PersistencePorts freshPorts(int facetBound) {
        db.truncateAllTables();
        return JooqPersistence.create(db.dataSource(), facetBound);
    }
}
