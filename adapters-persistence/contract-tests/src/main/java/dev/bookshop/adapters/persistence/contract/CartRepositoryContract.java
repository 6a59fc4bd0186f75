package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code CartRepository} must do: one cart per user, changes serialised through a lock. */
public abstract class CartRepositoryContract extends PersistenceContract {

    @Test
    void getForUpdateCreatesAnEmptyCartWhenThereIsNone() {
        User user = givenUser();
        Instant now = TestData.now();

        Cart cart = inTx(() -> ports.carts().getForUpdate(user.id(), now));

        assertThat(cart.owner()).isEqualTo(user.id());
        assertThat(cart.isEmpty()).isTrue();
        assertThat(inTx(() -> ports.carts().find(user.id()))).isPresent();
    }

    @Test
    void findsNoCartForAUserWhoNeverHadOne() {
        User user = givenUser();

        assertThat(inTx(() -> ports.carts().find(user.id()))).isEmpty();
    }

    @Test
    void roundTripsLinesAndUpdateTime() {
        User user = givenUser();
        Product hobbit = givenProduct();
        Product silmarillion = givenProduct();
        Instant later = TestData.now().plusSeconds(30);
        Cart cart = Cart.rehydrate(
                user.id(),
                List.of(new CartLine(hobbit.id(), Quantity.of(2)), new CartLine(silmarillion.id(), Quantity.of(1))),
                later);

        inTx(() -> {
            ports.carts().getForUpdate(user.id(), TestData.now());
            ports.carts().save(cart);
        });

        assertSameCart(inTx(() -> ports.carts().find(user.id())), cart);
        assertSameCart(Optional.of(inTx(() -> ports.carts().getForUpdate(user.id(), TestData.now()))), cart);
    }

    @Test
    void saveReplacesTheStoredLines() {
        User user = givenUser();
        Product kept = givenProduct();
        Product removed = givenProduct();
        Product added = givenProduct();
        Instant now = TestData.now();
        inTx(() -> ports.carts()
                .save(Cart.rehydrate(
                        user.id(),
                        List.of(new CartLine(kept.id(), Quantity.of(1)), new CartLine(removed.id(), Quantity.of(1))),
                        now)));
        Cart changed = Cart.rehydrate(
                user.id(),
                List.of(new CartLine(kept.id(), Quantity.of(5)), new CartLine(added.id(), Quantity.of(2))),
                now.plusSeconds(10));

        inTx(() -> ports.carts().save(changed));

        assertSameCart(inTx(() -> ports.carts().find(user.id())), changed);
    }

    @Test
    void saveCanEmptyACart() {
        User user = givenUser();
        Product product = givenProduct();
        Instant now = TestData.now();
        inTx(() -> ports.carts()
                .save(Cart.rehydrate(user.id(), List.of(new CartLine(product.id(), Quantity.of(1))), now)));
        Cart emptied = Cart.empty(user.id(), now.plusSeconds(5));

        inTx(() -> ports.carts().save(emptied));

        assertSameCart(inTx(() -> ports.carts().find(user.id())), emptied);
    }

    @Test
    void eachUserHasTheirOwnCart() {
        User ann = givenUser();
        User bob = givenUser();
        Product product = givenProduct();
        Instant now = TestData.now();
        Cart annsCart = Cart.rehydrate(ann.id(), List.of(new CartLine(product.id(), Quantity.of(3))), now);
        Cart bobsCart = Cart.rehydrate(bob.id(), List.of(new CartLine(product.id(), Quantity.of(1))), now);

        inTx(() -> {
            ports.carts().save(annsCart);
            ports.carts().save(bobsCart);
        });

        assertSameCart(inTx(() -> ports.carts().find(ann.id())), annsCart);
        assertSameCart(inTx(() -> ports.carts().find(bob.id())), bobsCart);
    }

    @Test
    void deleteRemovesTheCartAndOnlyThatCart() {
        User ann = givenUser();
        User bob = givenUser();
        Product product = givenProduct();
        Instant now = TestData.now();
        inTx(() -> {
            ports.carts().save(Cart.rehydrate(ann.id(), List.of(new CartLine(product.id(), Quantity.of(1))), now));
            ports.carts().save(Cart.rehydrate(bob.id(), List.of(new CartLine(product.id(), Quantity.of(1))), now));
        });

        inTx(() -> ports.carts().delete(ann.id()));

        assertThat(inTx(() -> ports.carts().find(ann.id()))).isEmpty();
        assertThat(inTx(() -> ports.carts().find(bob.id()))).isPresent();
        assertThat(inTx(() -> ports.carts().getForUpdate(ann.id(), now)).isEmpty())
                .isTrue();
    }

    @Test
    void deletingAMissingCartDoesNothing() {
        User user = givenUser();

        inTx(() -> ports.carts().delete(user.id()));

        assertThat(inTx(() -> ports.carts().find(user.id()))).isEmpty();
    }

    @Test
    void concurrentChangesThroughGetForUpdateAreNeverLost() {
        User user = givenUser();
        Product product = givenProduct(TestData.product().stock(1000).build());
        int threads = 30;

        Concurrently.run(
                threads,
                () -> inTx(() -> {
                    Cart cart = ports.carts().getForUpdate(user.id(), TestData.now());
                    ports.carts().save(cart.add(product, Quantity.of(1), Quantity.MAX, TestData.now()));
                    return null;
                }));

        Cart cart = inTx(() -> ports.carts().find(user.id())).orElseThrow();
        assertThat(cart.quantityOf(product.id())).isEqualTo(threads);
        assertThat(cart.lines()).hasSize(1);
    }

    @Test
    void concurrentFirstTouchesMakeOneCart() {
        User user = givenUser();
        Product first = givenProduct(TestData.product().stock(1000).build());
        Product second = givenProduct(TestData.product().stock(1000).build());
        int threads = 20;

        Concurrently.run(threads, () -> {
            Product product = Thread.currentThread().threadId() % 2 == 0 ? first : second;
            return inTx(() -> {
                Cart cart = ports.carts().getForUpdate(user.id(), TestData.now());
                ports.carts().save(cart.add(product, Quantity.of(1), Quantity.MAX, TestData.now()));
                return null;
            });
        });

        Cart cart = inTx(() -> ports.carts().find(user.id())).orElseThrow();
        assertThat(cart.quantityOf(first.id()) + cart.quantityOf(second.id())).isEqualTo(threads);
    }

    /** Carts compare by their lines as a set: stores need not keep line order. */
    private static void assertSameCart(Optional<Cart> found, Cart expected) {
        assertThat(found).isPresent();
        Cart cart = found.get();
        assertThat(cart.owner()).isEqualTo(expected.owner());
        assertThat(cart.updatedAt()).isEqualTo(expected.updatedAt());
        assertThat(cart.lines()).containsExactlyInAnyOrderElementsOf(expected.lines());
    }

    @Test
    void theAppliedDiscountCodeSurvivesSavesInTheSameTransactionAndGoesWithTheCart() {
        User user = givenUser();
        User other = givenUser();
        Product book = givenProduct();
        Instant now = TestData.now();

        assertThat(inTx(() -> ports.carts().discountCode(user.id()))).isEmpty();
        inTx(() -> {
            Cart cart = ports.carts().getForUpdate(user.id(), now);
            ports.carts().setDiscountCode(user.id(), Optional.of("SPRING"));
            ports.carts().save(cart.add(book, Quantity.of(1), 10, now.plusSeconds(1)));
            // A write of the lines in the same transaction keeps the code, and a read sees both.
            assertThat(ports.carts().discountCode(user.id())).contains("SPRING");
        });
        // A cart that does not exist takes no code.
        inTx(() -> ports.carts().setDiscountCode(other.id(), Optional.of("SPRING")));

        assertThat(inTx(() -> ports.carts().discountCode(user.id()))).contains("SPRING");
        assertThat(inTx(() -> ports.carts().find(user.id())).orElseThrow().lines())
                .hasSize(1);
        assertThat(inTx(() -> ports.carts().discountCode(other.id()))).isEmpty();

        inTx(() -> ports.carts().setDiscountCode(user.id(), Optional.of("AUTUMN")));
        assertThat(inTx(() -> ports.carts().discountCode(user.id()))).contains("AUTUMN");
        inTx(() -> ports.carts().setDiscountCode(user.id(), Optional.empty()));
        assertThat(inTx(() -> ports.carts().discountCode(user.id()))).isEmpty();

        inTx(() -> ports.carts().setDiscountCode(user.id(), Optional.of("WINTER")));
        inTx(() -> ports.carts().delete(user.id()));
        inTx(() -> ports.carts().getForUpdate(user.id(), now));
        assertThat(inTx(() -> ports.carts().discountCode(user.id()))).isEmpty();
    }
}
