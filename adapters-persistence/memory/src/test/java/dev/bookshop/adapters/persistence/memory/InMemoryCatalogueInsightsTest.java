package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.contract.CatalogueInsightsContract;
import dev.bookshop.application.catalog.port.out.CatalogueInsights;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/** The in-memory adapter against the CatalogueInsights contract. */
class InMemoryCatalogueInsightsTest extends CatalogueInsightsContract {

    @Override
    protected PersistencePorts newPorts() {
        return newPorts(CatalogueInsights.DEFAULT_BOUND);
    }

    @Override
    protected PersistencePorts newPorts(int facetBound) {
        return InMemoryPersistence.create(facetBound);
    }
}
