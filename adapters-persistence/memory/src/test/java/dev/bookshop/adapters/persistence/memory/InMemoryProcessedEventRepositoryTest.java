package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.ProcessedEventRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the ProcessedEventRepository contract. */
class InMemoryProcessedEventRepositoryTest extends ProcessedEventRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
