package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.contract.usecases.cart.GuestCartUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The guest cart use cases on the jOOQ adapter and a real PostgreSQL, one database for the class. */
class JooqGuestCartUseCasesTest extends GuestCartUseCases {

    @RegisterExtension
    static final JooqDatabaseExtension database = new JooqDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
