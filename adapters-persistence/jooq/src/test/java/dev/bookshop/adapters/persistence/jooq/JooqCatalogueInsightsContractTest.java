package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.contract.CatalogueInsightsContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The jOOQ adapter on PostgreSQL against the CatalogueInsights contract. */
class JooqCatalogueInsightsContractTest extends CatalogueInsightsContract {

    @RegisterExtension
    static final JooqDatabaseExtension database = new JooqDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }

    @Override
    protected PersistencePorts newPorts(int facetBound) {
        return database.freshPorts(facetBound);
    }
}
