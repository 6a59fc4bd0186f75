package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.adapters.persistence.contract.DiscountCodeRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JPA adapter on PostgreSQL against the DiscountCodeRepository contract. */
class JpaDiscountCodeRepositoryContractTest extends DiscountCodeRepositoryContract {

    @RegisterExtension
    static final JpaDatabaseExtension database = new JpaDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
