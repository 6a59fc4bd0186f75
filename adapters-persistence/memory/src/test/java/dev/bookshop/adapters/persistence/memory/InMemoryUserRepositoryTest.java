package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.UserRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the UserRepository contract. */
class InMemoryUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
