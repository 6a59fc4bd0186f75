package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.T0;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.storedBook;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.storedUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.User;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the jOOQ cart store promises beyond the port contract, which lets stores return lines in any order: the lines
 * come back in the order the customer added them (the {@code position} column).
 */
class JooqCartRepositoryTest extends DatabaseTest {

    @Test
    void saveKeepsTheLinesInTheOrderTheyWereAdded() {
        User ann = storedUser(ports, "ann@example.com");
        Product dune = storedBook(ports, "Dune", 10);
        Product emma = storedBook(ports, "Emma", 10);
        Instant later = T0.plusSeconds(30);

        Cart cart = Cart.empty(ann.id(), T0)
                .add(emma, Quantity.of(1), Quantity.MAX, T0)
                .add(dune, Quantity.of(2), Quantity.MAX, T0)
                .add(emma, Quantity.of(1), Quantity.MAX, later);
        ports.transactions().inTransaction(() -> {
            ports.carts().getForUpdate(ann.id(), T0);
            ports.carts().save(cart);
        });
        assertThat(ports.carts().find(ann.id())).contains(cart);

        Cart smaller = cart.remove(emma.id(), Optional.empty(), later.plusSeconds(1));
        ports.carts().save(smaller);
        assertThat(ports.carts().find(ann.id())).contains(smaller);
    }
}
