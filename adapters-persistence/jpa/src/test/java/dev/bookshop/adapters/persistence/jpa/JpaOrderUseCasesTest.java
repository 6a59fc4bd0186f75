package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.adapters.persistence.contract.usecases.order.OrderUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The order use cases on the JPA adapter and a real PostgreSQL, one database for the class. */
class JpaOrderUseCasesTest extends OrderUseCases {

    @RegisterExtension
    static final JpaDatabaseExtension database = new JpaDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
