package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.shipping.ShippingUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The shipping and tax use cases on the in-memory adapter. */
class InMemoryShippingUseCasesTest extends ShippingUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
