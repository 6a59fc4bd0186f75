package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.GuestCartRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the GuestCartRepository contract. */
class InMemoryGuestCartRepositoryTest extends GuestCartRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
