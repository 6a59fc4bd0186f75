package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.adapters.persistence.contract.CatalogueInsightsContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JPA adapter on PostgreSQL against the CatalogueInsights contract. */
class JpaCatalogueInsightsContractTest extends CatalogueInsightsContract {

    @RegisterExtension
    static final JpaDatabaseExtension database = new JpaDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }

    @Override
    protected PersistencePorts newPorts(int facetBound) {
        return database.freshPorts(facetBound);
    }
}
