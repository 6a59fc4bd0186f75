package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.OrderRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the OrderRepository contract. */
class InMemoryOrderRepositoryTest extends OrderRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
