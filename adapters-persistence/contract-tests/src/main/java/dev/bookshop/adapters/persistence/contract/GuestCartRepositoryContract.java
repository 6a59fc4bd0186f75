package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.cart.GuestCart;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every adapter's {@code GuestCartRepository} must do: carts found by their token's hash, uses serialised by
 * the row lock, a delete seen by every use waiting behind it, and idle carts purged once however many purge.
 */
public abstract class GuestCartRepositoryContract extends PersistenceContract {

    private static TokenHash freshToken() {
        return TokenHash.of("guest-" + UUID.randomUUID());
    }

    private GuestCart givenGuestCart(Instant lastUsed, CartLine... lines) {
        GuestCart cart = new GuestCart(freshToken(), List.of(lines), lastUsed, lastUsed, lastUsed);
        inTx(() -> ports.guestCarts().insert(cart));
        return cart;
    }

    private Optional<GuestCart> find(TokenHash token) {
        return inTx(() -> ports.guestCarts().findForUpdate(token));
    }

    @Test
    void roundTripsLinesInOrderAndTheThreeTimes() {
        Product hobbit = givenProduct();
        Product silmarillion = givenProduct();
        Instant now = TestData.now();
        GuestCart cart = new GuestCart(
                freshToken(),
                List.of(new CartLine(silmarillion.id(), Quantity.of(2)), new CartLine(hobbit.id(), Quantity.of(1))),
                now.minusSeconds(60),
                now.minusSeconds(30),
                now);

        inTx(() -> ports.guestCarts().insert(cart));

        assertThat(find(cart.token())).contains(cart);
    }

    @Test
    void anUnknownTokenFindsNothing() {
        givenGuestCart(TestData.now());

        assertThat(find(freshToken())).isEmpty();
    }

    @Test
    void saveReplacesTheLinesAndTimes() {
        Product kept = givenProduct();
        Product removed = givenProduct();
        Product added = givenProduct();
        Instant now = TestData.now();
        GuestCart cart = givenGuestCart(
                now, new CartLine(kept.id(), Quantity.of(1)), new CartLine(removed.id(), Quantity.of(1)));
        GuestCart changed = new GuestCart(
                cart.token(),
                List.of(new CartLine(kept.id(), Quantity.of(4)), new CartLine(added.id(), Quantity.of(2))),
                cart.createdAt(),
                now.plusSeconds(10),
                now.plusSeconds(10));

        inTx(() -> ports.guestCarts().save(changed));

        assertThat(find(cart.token())).contains(changed);
    }

    @Test
    void aTouchMovesOnlyTheLastUseAndKeepsTheCartFromThePurge() {
        Product book = givenProduct();
        Instant then = TestData.now().minus(Duration.ofDays(40));
        GuestCart cart = givenGuestCart(then, new CartLine(book.id(), Quantity.of(1)));
        Instant now = TestData.now();

        inTx(() -> ports.guestCarts().save(cart.touched(now)));
        int purged = Purging.drain(
                ports.transactions(), () -> ports.guestCarts().deleteIdleBefore(now.minus(Duration.ofDays(30)), 100));

        assertThat(purged).isZero();
        GuestCart found = find(cart.token()).orElseThrow();
        assertThat(found.lastUsedAt()).isEqualTo(now);
        assertThat(found.updatedAt()).isEqualTo(then);
        assertThat(found.lines()).isEqualTo(cart.lines());
    }

    @Test
    void purgeDeletesCartsIdleSinceTheCutoffWithTheirLinesAndKeepsTheRest() {
        Product book = givenProduct();
        Instant cutoff = TestData.now().minus(Duration.ofDays(30));
        GuestCart idle = givenGuestCart(cutoff.minusSeconds(1), new CartLine(book.id(), Quantity.of(1)));
        GuestCart atTheCutoff = givenGuestCart(cutoff);
        GuestCart live = givenGuestCart(cutoff.plusSeconds(1), new CartLine(book.id(), Quantity.of(2)));

        int purged =
                Purging.drain(ports.transactions(), () -> ports.guestCarts().deleteIdleBefore(cutoff, 100));

        assertThat(purged).isEqualTo(2);
        assertThat(find(idle.token())).isEmpty();
        assertThat(find(atTheCutoff.token())).isEmpty();
        assertThat(find(live.token())).contains(live);
    }

    @Test
    void purgeDeletesAtMostTheLimitPerCall() {
        Instant cutoff = TestData.now();
        for (int i = 0; i < 5; i++) {
            givenGuestCart(cutoff.minusSeconds(60 + i));
        }

        assertThat(inTx(() -> ports.guestCarts().deleteIdleBefore(cutoff, 2))).isEqualTo(2);
        assertThat(Purging.drain(ports.transactions(), () -> ports.guestCarts().deleteIdleBefore(cutoff, 2)))
                .isEqualTo(3);
    }

    @Test
    void concurrentPurgesDeleteEachCartOnce() {
        Instant cutoff = TestData.now();
        int carts = 40;
        for (int i = 0; i < carts; i++) {
            givenGuestCart(cutoff.minusSeconds(i + 1));
        }

        List<Integer> each = Purging.drainConcurrently(
                4, ports.transactions(), () -> ports.guestCarts().deleteIdleBefore(cutoff, 5));

        assertThat(each.stream().mapToInt(Integer::intValue).sum()).isEqualTo(carts);
    }

    @Test
    void deleteAnswersWhetherThereWasACartAndTakesItsLines() {
        Product book = givenProduct();
        GuestCart cart = givenGuestCart(TestData.now(), new CartLine(book.id(), Quantity.of(3)));

        assertThat(inTx(() -> ports.guestCarts().delete(cart.token()))).isTrue();
        assertThat(inTx(() -> ports.guestCarts().delete(cart.token()))).isFalse();
        assertThat(find(cart.token())).isEmpty();
    }

    @Test
    void aSaveAfterTheCartWasDeletedDoesNotBringItBack() {
        Product book = givenProduct();
        GuestCart cart = givenGuestCart(TestData.now());
        inTx(() -> ports.guestCarts().delete(cart.token()));

        inTx(() -> ports.guestCarts().save(cart.add(book, Quantity.of(1), 10, TestData.now())));

        assertThat(find(cart.token())).isEmpty();
    }

    /** What a merge does: lock, then delete in the same transaction. Of many at once, exactly one finds the cart. */
    @Test
    void concurrentTakesOfOneCartFindItExactlyOnce() {
        Product book = givenProduct();
        GuestCart cart = givenGuestCart(TestData.now(), new CartLine(book.id(), Quantity.of(2)));

        List<Boolean> took = Concurrently.run(
                8,
                () -> inTx(() -> {
                    Optional<GuestCart> found = ports.guestCarts().findForUpdate(cart.token());
                    found.ifPresent(c -> ports.guestCarts().delete(c.token()));
                    return found.isPresent();
                }));

        assertThat(took).containsOnlyOnce(true);
        assertThat(find(cart.token())).isEmpty();
    }

    @Test
    void concurrentUsesOfOneCartAreNeverLost() {
        Product book = givenProduct(TestData.product().stock(1000).build());
        GuestCart cart = givenGuestCart(TestData.now());
        int threads = 20;

        Concurrently.run(
                threads,
                () -> inTx(() -> {
                    GuestCart current =
                            ports.guestCarts().findForUpdate(cart.token()).orElseThrow();
                    ports.guestCarts().save(current.add(book, Quantity.of(1), Quantity.MAX, TestData.now()));
                    return null;
                }));

        assertThat(find(cart.token()).orElseThrow().quantityOf(book.id())).isEqualTo(threads);
    }

    @Test
    void theAppliedDiscountCodeSurvivesSavesAndGoesWithTheCart() {
        Product book = givenProduct();
        Instant now = TestData.now();
        GuestCart cart = givenGuestCart(now);
        GuestCart other = givenGuestCart(now);

        assertThat(inTx(() -> ports.guestCarts().discountCode(cart.token()))).isEmpty();
        inTx(() -> {
            GuestCart locked = ports.guestCarts().findForUpdate(cart.token()).orElseThrow();
            ports.guestCarts().save(locked.touched(now.plusSeconds(5)));
            ports.guestCarts().setDiscountCode(cart.token(), Optional.of("SPRING"));
            ports.guestCarts().save(locked.add(book, Quantity.of(1), 10, now.plusSeconds(10)));
        });

        assertThat(inTx(() -> ports.guestCarts().discountCode(cart.token()))).contains("SPRING");
        assertThat(find(cart.token()).orElseThrow().lastUsedAt()).isEqualTo(now.plusSeconds(10));
        assertThat(inTx(() -> ports.guestCarts().discountCode(other.token()))).isEmpty();
        inTx(() -> ports.guestCarts().setDiscountCode(freshToken(), Optional.of("SPRING")));

        inTx(() -> ports.guestCarts().setDiscountCode(cart.token(), Optional.empty()));
        assertThat(inTx(() -> ports.guestCarts().discountCode(cart.token()))).isEmpty();

        inTx(() -> ports.guestCarts().setDiscountCode(cart.token(), Optional.of("AUTUMN")));
        inTx(() -> ports.guestCarts().delete(cart.token()));
        assertThat(inTx(() -> ports.guestCarts().discountCode(cart.token()))).isEmpty();
    }
}
