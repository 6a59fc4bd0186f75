package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.adapters.persistence.contract.usecases.order.UnpaidOrderUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The purchase limits and unpaid-order rules on the JPA adapter and a real PostgreSQL. */
class JpaUnpaidOrderUseCasesTest extends UnpaidOrderUseCases {

    @RegisterExtension
    static final JpaDatabaseExtension database = new JpaDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
