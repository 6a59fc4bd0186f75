package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.contract.usecases.order.CheckoutUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The checkout use cases on the jOOQ adapter and a real PostgreSQL, one database for the class. */
class JooqCheckoutUseCasesTest extends CheckoutUseCases {

    @RegisterExtension
    static final JooqDatabaseExtension database = new JooqDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }

    /** On PostgreSQL the oversell race is run bigger: 100 buyers for the last 10 copies. */
    @Override
    protected int racingBuyers() {
        return 100;
    }

    @Override
    protected int lastCopies() {
        return 10;
    }
}
