package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.order.UnpaidOrderUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The purchase limits and unpaid-order rules on the in-memory adapter. */
class InMemoryUnpaidOrderUseCasesTest extends UnpaidOrderUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
