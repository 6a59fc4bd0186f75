package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.adapters.persistence.contract.usecases.cart.GuestCartUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The guest cart use cases on the JPA adapter and a real PostgreSQL, one database for the class. */
class JpaGuestCartUseCasesTest extends GuestCartUseCases {

    @RegisterExtension
    static final JpaDatabaseExtension database = new JpaDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
