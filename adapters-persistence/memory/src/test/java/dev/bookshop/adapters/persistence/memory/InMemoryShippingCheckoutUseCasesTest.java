package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.order.ShippingCheckoutUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** Checking out with shipping and tax on the in-memory adapter. */
class InMemoryShippingCheckoutUseCasesTest extends ShippingCheckoutUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
