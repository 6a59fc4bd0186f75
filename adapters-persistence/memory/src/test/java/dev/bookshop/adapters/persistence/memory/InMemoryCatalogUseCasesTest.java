package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.usecases.catalog.CatalogUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The catalog use cases on the in-memory adapter. */
class InMemoryCatalogUseCasesTest extends CatalogUseCases {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
