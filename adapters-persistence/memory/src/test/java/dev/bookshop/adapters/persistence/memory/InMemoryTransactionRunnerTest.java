package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.TransactionRunnerContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the TransactionRunner contract. */
class InMemoryTransactionRunnerTest extends TransactionRunnerContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
