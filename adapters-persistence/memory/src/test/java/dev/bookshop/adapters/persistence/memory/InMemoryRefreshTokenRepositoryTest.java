package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.RefreshTokenRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the RefreshTokenRepository contract. */
class InMemoryRefreshTokenRepositoryTest extends RefreshTokenRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
