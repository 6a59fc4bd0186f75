package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.user.User;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every port contract shares: a fresh bundle of ports per test, and shortcuts to put rows in place. Every call
 * runs inside a transaction, since repositories need not work outside one.
 */
public abstract class PersistenceContract {

    protected PersistencePorts ports;

    /**
     * The adapter under test, over a clean, empty store. Tests still use fresh random data, so an adapter may share
     * one database between tests if it must, but cases about global counts and orderings assume an empty store.
     */
    protected abstract PersistencePorts newPorts();

    @BeforeEach
    void openPorts() {
        ports = newPorts();
    }

    protected <T> T inTx(Supplier<T> work) {
        return ports.transactions().inTransaction(work);
    }

    protected void inTx(Runnable work) {
        ports.transactions().inTransaction(work);
    }

    protected User givenUser() {
        return givenUser(TestData.user());
    }

    protected User givenUser(User user) {
        assertThat(inTx(() -> ports.users().insertIfEmailFree(user)))
                .as("inserting a user with a fresh email")
                .isTrue();
        return user;
    }

    protected Category givenCategory() {
        Category category = TestData.category();
        assertThat(inTx(() -> ports.categories().insertIfSlugFree(category)))
                .as("inserting a category with a fresh slug")
                .isTrue();
        return category;
    }

    protected Product givenProduct() {
        return givenProduct(TestData.product().build());
    }

    protected Product givenProduct(Product product) {
        assertThat(inTx(() -> ports.products().insertIfSlugFree(product)))
                .as("inserting a product with a fresh slug")
                .isTrue();
        return product;
    }

    protected Order givenOrder(Order order) {
        inTx(() -> ports.orders().insert(order));
        return order;
    }
}
