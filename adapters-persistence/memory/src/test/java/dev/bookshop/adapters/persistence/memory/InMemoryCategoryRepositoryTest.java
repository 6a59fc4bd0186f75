package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.CategoryRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the CategoryRepository contract. */
class InMemoryCategoryRepositoryTest extends CategoryRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
