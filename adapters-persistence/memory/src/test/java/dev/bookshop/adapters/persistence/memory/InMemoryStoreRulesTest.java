package dev.bookshop.adapters.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.adapters.persistence.contract.TestData;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.user.User;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Rules of the in-memory adapter beyond the shared contract: it refuses what the database's foreign keys would, so
 * use-case tests on it catch the same mistakes, and its search folds accents as a shopper expects.
 */
class InMemoryStoreRulesTest {

    private final PersistencePorts ports = InMemoryPersistence.create();

    @Test
    void refusesAnOrderOfAnUnknownUser() {
        assertThatThrownBy(() -> ports.orders()
                        .insert(TestData.order(TestData.user().id(), TestData.now(), TestData.orphanItem("B", 100, 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("foreign key");
    }

    @Test
    void refusesAProductOnAnUnknownShelf() {
        Product product = TestData.product().categories(TestData.category()).build();

        assertThatThrownBy(() -> ports.products().insertIfSlugFree(product))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("foreign key");
        assertThat(ports.products().findById(product.id())).isEmpty();
    }

    @Test
    void refusesACartOfAnUnknownUser() {
        User stranger = TestData.user();

        assertThatThrownBy(() -> ports.carts().save(Cart.empty(stranger.id(), TestData.now())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void searchIgnoresAccentsAndMatchesWordBeginnings() {
        Product product =
                TestData.product().title("Les Misérables").author("Victor Hugo").build();
        ports.products().insertIfSlugFree(product);

        assertThat(ports.products()
                        .search("miserable", PageRequest.first(), Optional.empty(), 10_000)
                        .items())
                .containsExactly(product);
        assertThat(ports.products()
                        .search("MISÉR hugo", PageRequest.first(), Optional.empty(), 10_000)
                        .items())
                .containsExactly(product);
    }

    @Test
    void searchOfOnlyCommonWordsFindsNothing() {
        ports.products()
                .insertIfSlugFree(
                        TestData.product().title("The Lord of the Rings").build());

        assertThat(ports.products()
                        .search("the of", PageRequest.first(), Optional.empty(), 10_000)
                        .total())
                .isZero();
    }
}
