package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.OrderEventRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the OrderEventRepository contract. */
class InMemoryOrderEventRepositoryTest extends OrderEventRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
