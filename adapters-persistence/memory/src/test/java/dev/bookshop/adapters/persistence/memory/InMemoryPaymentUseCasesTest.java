package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.payment.PaymentUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The payment use cases on the in-memory adapter. */
class InMemoryPaymentUseCasesTest extends PaymentUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
