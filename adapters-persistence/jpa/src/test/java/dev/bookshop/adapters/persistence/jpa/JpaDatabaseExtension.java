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
}
