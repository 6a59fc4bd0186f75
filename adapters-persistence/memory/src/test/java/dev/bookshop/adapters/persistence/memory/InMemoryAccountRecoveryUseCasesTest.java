package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.account.AccountRecoveryUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The account recovery use cases on the in-memory adapter. */
class InMemoryAccountRecoveryUseCasesTest extends AccountRecoveryUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
