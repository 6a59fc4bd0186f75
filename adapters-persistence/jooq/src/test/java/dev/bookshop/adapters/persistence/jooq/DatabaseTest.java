package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.testdb.TestDatabase;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** A test class with its own migrated database and the jOOQ adapter on it; every test starts on empty tables. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseTest {

    protected TestDatabase db;
    protected PersistencePorts ports;

    @BeforeAll
    void createDatabase() {
        db = TestDatabase.create();
        ports = JooqPersistence.create(db.dataSource());
    }

    @BeforeEach
    void emptyTables() {
        db.truncateAllTables();
    }

    @AfterAll
    void dropDatabase() {
        db.close();
    }
}
