package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.TaxRateRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the TaxRateRepository contract. */
class InMemoryTaxRateRepositoryTest extends TaxRateRepositoryContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
