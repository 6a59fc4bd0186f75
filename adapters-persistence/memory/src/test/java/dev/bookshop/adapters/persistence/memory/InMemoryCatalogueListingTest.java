package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.CatalogueListingContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the CatalogueListing contract. */
class InMemoryCatalogueListingTest extends CatalogueListingContract {

    @Override
    protected PersistencePorts newPorts() {
        return InMemoryPersistence.create();
    }
}
