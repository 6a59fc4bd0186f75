package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.contract.usecases.UseCaseSuite;
import dev.bookshop.adapters.persistence.testdb.TestDatabase;
import dev.bookshop.application.port.out.PersistencePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every use case on the jOOQ adapter and a real PostgreSQL: one database for the class, emptied before each test. */
class JooqUseCaseTest extends UseCaseSuite {

    private static TestDatabase db;
    private static PersistencePorts ports;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create();
        ports = JooqPersistence.create(db.dataSource());
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected PersistencePorts newPorts() {
        db.truncateAllTables();
        return ports;
    }
}
