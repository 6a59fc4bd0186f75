package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.contract.usecases.account.AccountDataUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account-data use cases (sessions, export, erasure) on the jOOQ adapter and a real PostgreSQL. */
class JooqAccountDataUseCasesTest extends AccountDataUseCases {

    @RegisterExtension
    static final JooqDatabaseExtension database = new JooqDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
