package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.CartRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the CartRepository contract. */
class InMemoryCartRepositoryTest extends CartRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
