package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.cart.GuestCartUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The guest cart use cases on the in-memory adapter. */
class InMemoryGuestCartUseCasesTest extends GuestCartUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
