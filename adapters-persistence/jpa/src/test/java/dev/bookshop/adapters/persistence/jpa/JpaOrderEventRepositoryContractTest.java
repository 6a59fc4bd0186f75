package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.adapters.persistence.contract.OrderEventRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JPA adapter on PostgreSQL against the OrderEventRepository contract. */
class JpaOrderEventRepositoryContractTest extends OrderEventRepositoryContract {

    @RegisterExtension
    static final JpaDatabaseExtension database = new JpaDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
