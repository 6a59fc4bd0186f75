package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.adapters.persistence.contract.usecases.account.AccountDataUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account-data use cases (sessions, export, erasure) on the JPA adapter and a real PostgreSQL. */
class JpaAccountDataUseCasesTest extends AccountDataUseCases {

    @RegisterExtension
    static final JpaDatabaseExtension database = new JpaDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
