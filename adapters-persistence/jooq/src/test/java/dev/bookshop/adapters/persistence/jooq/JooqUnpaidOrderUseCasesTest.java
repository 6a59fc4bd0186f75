package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.contract.usecases.order.UnpaidOrderUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The purchase limits and unpaid-order rules on the jOOQ adapter and a real PostgreSQL. */
class JooqUnpaidOrderUseCasesTest extends UnpaidOrderUseCases {

    @RegisterExtension
    static final JooqDatabaseExtension database = new JooqDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
