package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.cart.CartUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The cart use cases on the in-memory adapter. */
class InMemoryCartUseCasesTest extends CartUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
