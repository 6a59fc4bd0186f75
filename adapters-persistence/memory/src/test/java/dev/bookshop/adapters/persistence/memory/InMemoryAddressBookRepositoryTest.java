package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.AddressBookRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the AddressBookRepository contract. */
class InMemoryAddressBookRepositoryTest extends AddressBookRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
