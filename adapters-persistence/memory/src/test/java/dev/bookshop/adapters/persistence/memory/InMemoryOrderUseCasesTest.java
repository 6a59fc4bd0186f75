package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.order.OrderUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The order use cases on the in-memory adapter. */
class InMemoryOrderUseCasesTest extends OrderUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
