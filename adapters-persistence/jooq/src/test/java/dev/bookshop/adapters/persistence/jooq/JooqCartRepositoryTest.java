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

class JooqCartRepositoryTest extends DatabaseTest {

    @Test
    void get_for_update_creates_an_empty_cart_once() {
        User ann = storedUser(ports, "ann@example.com");

        Cart first = ports.transactions().inTransaction(() -> ports.carts().getForUpdate(ann.id(), T0));
        Cart second =
                ports.transactions().inTransaction(() -> ports.carts().getForUpdate(ann.id(), T0.plusSeconds(60)));

        assertThat(first).isEqualTo(Cart.empty(ann.id(), T0));
        assertThat(second).isEqualTo(first);
        assertThat(ports.carts().find(ann.id())).contains(first);
    }

    @Test
    void save_replaces_the_lines_in_their_order_and_delete_removes_the_cart() {
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

        ports.carts().delete(ann.id());
        ports.carts().delete(ann.id());
        assertThat(ports.carts().find(ann.id())).isEmpty();
    }
}
