package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.ProductRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the ProductRepository contract. */
class InMemoryProductRepositoryTest extends ProductRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
