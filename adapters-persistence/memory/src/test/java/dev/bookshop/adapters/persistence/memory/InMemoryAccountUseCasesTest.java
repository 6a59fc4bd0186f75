package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.account.AccountUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The account use cases on the in-memory adapter. */
class InMemoryAccountUseCasesTest extends AccountUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
