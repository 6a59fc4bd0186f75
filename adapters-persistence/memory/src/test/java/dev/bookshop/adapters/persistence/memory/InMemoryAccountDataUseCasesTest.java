package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.account.AccountDataUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The account-data use cases (sessions, export, erasure) on the in-memory adapter. */
class InMemoryAccountDataUseCasesTest extends AccountDataUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
