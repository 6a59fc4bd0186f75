package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.adapters.persistence.testdb.TestDatabase;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a suite class its own migrated database with the JPA adapter on it, and a clean slate for every test that asks
 * for {@link #freshPorts()}. Register it as a static field with {@code @RegisterExtension}.
 */
final class JpaDatabaseExtension implements BeforeAllCallback, AfterAllCallback {

    private TestDatabase db;
    private JpaPersistence jpa;
    private final java.util.List<JpaPersistence> others = new java.util.ArrayList<>();
    // Nested test classes run the callbacks again; only the outermost opens and closes the database.
    private int depth;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (depth++ == 0) {
            db = TestDatabase.create();
            jpa = JpaPersistence.open(db.dataSource());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--depth == 0) {
            others.forEach(JpaPersistence::close);
            others.clear();
            jpa.close();
            db.close();
            jpa = null;
            db = null;
        }
    }

    /** The adapter over emptied tables. */
    PersistencePorts freshPorts() {
        db.truncateAllTables();
        return jpa.ports();
    }

    /**
     * Another instance of the adapter, its facets counting at most {@code facetBound} books, over emptied tables;
     * closed with the database.
     */
    PersistencePorts freshPorts(int facetBound) {
        db.truncateAllTables();
        JpaPersistence other = JpaPersistence.open(db.dataSource(), facetBound);
        others.add(other);
        return other.ports();
    }
}
