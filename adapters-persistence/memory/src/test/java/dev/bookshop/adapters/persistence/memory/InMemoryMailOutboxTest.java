package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.MailOutboxContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the MailOutbox contract. */
class InMemoryMailOutboxTest extends MailOutboxContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
