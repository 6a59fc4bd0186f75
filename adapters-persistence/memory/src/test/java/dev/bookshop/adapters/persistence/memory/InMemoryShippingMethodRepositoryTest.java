package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.ShippingMethodRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the ShippingMethodRepository contract. */
class InMemoryShippingMethodRepositoryTest extends ShippingMethodRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
