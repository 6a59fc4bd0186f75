package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.UnpaidOrdersSuite;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The purchase limits and unpaid-order rules on the in-memory adapter. */
class InMemoryUnpaidOrdersTest extends UnpaidOrdersSuite {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
