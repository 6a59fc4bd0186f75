package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.housekeeping.HousekeepingUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The housekeeping use cases on the in-memory adapter. */
class InMemoryHousekeepingUseCasesTest extends HousekeepingUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
