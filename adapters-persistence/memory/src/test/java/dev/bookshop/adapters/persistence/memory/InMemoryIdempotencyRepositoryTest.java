package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.IdempotencyRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the IdempotencyRepository contract. */
class InMemoryIdempotencyRepositoryTest extends IdempotencyRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
