package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.address.AddressBookUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The address-book use cases on the in-memory adapter. */
class InMemoryAddressBookUseCasesTest extends AddressBookUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
