package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.mail.MailUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The mail use cases on the in-memory adapter. */
class InMemoryMailUseCasesTest extends MailUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
