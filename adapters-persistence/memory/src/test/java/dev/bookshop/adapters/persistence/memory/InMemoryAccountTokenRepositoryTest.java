package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.AccountTokenRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the AccountTokenRepository contract. */
class InMemoryAccountTokenRepositoryTest extends AccountTokenRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
