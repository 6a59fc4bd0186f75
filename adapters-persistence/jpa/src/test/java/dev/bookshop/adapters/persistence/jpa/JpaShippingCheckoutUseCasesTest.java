package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.adapters.persistence.contract.usecases.order.ShippingCheckoutUseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checking out with shipping and tax on the JPA adapter and a real PostgreSQL, one database for the class. */
class JpaShippingCheckoutUseCasesTest extends ShippingCheckoutUseCases {

    @RegisterExtension
    static final JpaDatabaseExtension database = new JpaDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }
}
