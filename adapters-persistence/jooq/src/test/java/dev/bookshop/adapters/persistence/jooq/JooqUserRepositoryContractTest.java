package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.contract.UserRepositoryContract;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The jOOQ adapter on PostgreSQL against the UserRepository contract. */
class JooqUserRepositoryContractTest extends UserRepositoryContract {

    @RegisterExtension
    static final JooqDatabaseExtension database = new JooqDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
