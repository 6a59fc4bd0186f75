package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.order.CheckoutUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The checkout use cases on the in-memory adapter. */
class InMemoryCheckoutUseCasesTest extends CheckoutUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
