package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.contract.usecases.order.ShippingCheckoutUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checking out with shipping and tax on the jOOQ adapter and a real PostgreSQL, one database for the class. */
class JooqShippingCheckoutUseCasesTest extends ShippingCheckoutUseCases {

    @RegisterExtension
    static final JooqDatabaseExtension database = new JooqDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
