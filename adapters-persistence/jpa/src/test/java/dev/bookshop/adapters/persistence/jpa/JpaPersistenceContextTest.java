package dev.bookshop.adapters.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.TestData;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hibernate's persistence context must never hide a write from a later read of the same transaction: bulk and native
 * statements bypass it, so every read here follows a write that went around it.
 */
class JpaPersistenceContextTest {

    @RegisterExtension
    static final JpaDatabaseExtension database = new JpaDatabaseExtension();

    private PersistencePorts ports;

    @BeforeEach
    void emptyStore() {
        ports = database.freshPorts();
    }

    @Test
    void aReadAfterAStockUpdateInTheSameTransactionSeesTheNewStock() {
        Product book = TestData.product().stock(5).build();
        ports.transactions().inTransaction(() -> ports.products().insertIfSlugFree(book));

        int[] stocks = ports.transactions().inTransaction(() -> {
            int before = ports.products().findById(book.id()).orElseThrow().stock();
            ports.products().decrementStock(book.id(), 2);
            int afterDecrement =
                    ports.products().findById(book.id()).orElseThrow().stock();
            ports.products().adjustStock(book.id(), 10);
            int afterAdjust = ports.products()
                    .findAllById(java.util.List.of(book.id()))
                    .getFirst()
                    .stock();
            return new int[] {before, afterDecrement, afterAdjust};
        });

        assertThat(stocks).containsExactly(5, 3, 13);
    }

    @Test
    void aReadAfterABulkUpdateInTheSameTransactionSeesTheUpdate() {
        User user = TestData.user();
        RefreshToken token = TestData.refreshToken(user.id());
        ports.transactions().inTransaction(() -> {
            ports.users().insertIfEmailFree(user);
            ports.refreshTokens().insert(token);
        });

        ports.transactions().inTransaction(() -> {
            assertThat(ports.users().findByIdForUpdate(user.id())).contains(user);
            ports.users().update(user.withRole(Role.ADMIN));
            assertThat(ports.users().findById(user.id())).contains(user.withRole(Role.ADMIN));

            assertThat(ports.refreshTokens().findByHashForUpdate(token.hash())).contains(token);
            ports.refreshTokens().revokeAllOfUser(user.id());
            assertThat(ports.refreshTokens().findByHashForUpdate(token.hash())).contains(token.revoke());
        });
    }

    @Test
    void anOrderReadAgainAfterItsUpdateInTheSameTransactionHasTheNewStatus() {
        User user = TestData.user();
        Order order = TestData.order(user.id(), TestData.now(), TestData.orphanItem("Book", 500, 1));

        Order found = ports.transactions().inTransaction(() -> {
            ports.users().insertIfEmailFree(user);
            ports.orders().insert(order);
            Order locked = ports.orders().findByIdForUpdate(order.id()).orElseThrow();
            ports.orders().update(locked.withPaymentReference("pi_1").markFailed());
            return ports.orders().findById(order.id()).orElseThrow();
        });

        assertThat(found.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(found.paymentReference()).contains("pi_1");
        assertThat(found.items()).isEqualTo(order.items());
    }
}
