package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.contract.DiscountCodeRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The jOOQ adapter on PostgreSQL against the DiscountCodeRepository contract. */
class JooqDiscountCodeRepositoryContractTest extends DiscountCodeRepositoryContract {

    @RegisterExtension
    static final JooqDatabaseExtension database = new JooqDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
