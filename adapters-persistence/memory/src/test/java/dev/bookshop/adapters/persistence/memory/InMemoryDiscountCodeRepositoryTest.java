package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.DiscountCodeRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the DiscountCodeRepository contract. */
class InMemoryDiscountCodeRepositoryTest extends DiscountCodeRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
