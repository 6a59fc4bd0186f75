package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.UseCaseSuite;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** Every use case on the in-memory adapter: the fast suite developers run without a database. */
class InMemoryUseCaseTest extends UseCaseSuite {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
