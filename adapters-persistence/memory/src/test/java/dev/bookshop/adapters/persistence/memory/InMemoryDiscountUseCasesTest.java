package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.discount.DiscountUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The discount code use cases on the in-memory adapter. */
class InMemoryDiscountUseCasesTest extends DiscountUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
