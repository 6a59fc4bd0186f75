package dev.bookshop.domain.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.catalog.Books;
import dev.bookshop.domain.catalog.InsufficientStockException;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.catalog.StockShortage;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CartTest {

    private static final UserId ANN = UserId.of(UUID.randomUUID());
    private static final Instant T0 = Instant.parse("2026-02-01T12:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);

    private final Cart empty = Cart.empty(ANN, T0);

    @Test
    void anEmptyCartHasNoLines() {
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.lines()).isEmpty();
        assertThat(empty.owner()).isEqualTo(ANN);
        assertThat(empty.updatedAt()).isEqualTo(T0);
    }

    @Test
    void addingABookMakesALineAndStampsTheCart() {
        Product hobbit = Books.book(5);

        Cart cart = empty.add(hobbit, Quantity.of(2), Quantity.MAX, T1);

        assertThat(cart.lines()).containsExactly(new CartLine(hobbit.id(), Quantity.of(2)));
        assertThat(cart.quantityOf(hobbit.id())).isEqualTo(2);
        assertThat(cart.updatedAt()).isEqualTo(T1);
        assertThat(empty.isEmpty()).as("the original cart is unchanged").isTrue();
    }

    @Test
    void addingTheSameBookAgainJoinsItsLine() {
        Product hobbit = Books.book(5);
        Product dune = Books.book(5);

        Cart cart = empty.add(hobbit, Quantity.of(2), Quantity.MAX, T1)
                .add(dune, Quantity.of(1), Quantity.MAX, T1)
                .add(hobbit, Quantity.of(3), Quantity.MAX, T2);

        assertThat(cart.lines())
                .containsExactly(new CartLine(hobbit.id(), Quantity.of(5)), new CartLine(dune.id(), Quantity.of(1)));
    }

    @Test
    void addingMoreThanTheStockIsRefusedWithWhatWasAskedAndWhatIsLeft() {
        Product hobbit = Books.book(3);

        assertThatThrownBy(() -> empty.add(hobbit, Quantity.of(4), Quantity.MAX, T1))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.shortages()).containsExactly(new StockShortage(hobbit.id(), 4, 3));
                    assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_STOCK);
                });
    }

    @Test
    void theStockCheckCountsWhatIsAlreadyInTheCart() {
        Product hobbit = Books.book(3);
        Cart cart = empty.add(hobbit, Quantity.of(2), Quantity.MAX, T1);

        assertThat(cart.add(hobbit, Quantity.of(1), Quantity.MAX, T2).quantityOf(hobbit.id()))
                .isEqualTo(3);
        assertThatThrownBy(() -> cart.add(hobbit, Quantity.of(2), Quantity.MAX, T2))
                .isInstanceOfSatisfying(
                        InsufficientStockException.class,
                        e -> assertThat(e.shortages()).containsExactly(new StockShortage(hobbit.id(), 4, 3)));
        assertThat(cart.quantityOf(hobbit.id()))
                .as("a refused add changes nothing")
                .isEqualTo(2);
    }

    @Test
    void aLineHoldsAtMostTheLineLimitWhateverTheStockAndARefusedAddChangesNothing() {
        Product shelf = Books.book(500);
        Cart cart = empty.add(shelf, Quantity.of(40), 50, T1);

        assertThat(cart.add(shelf, Quantity.of(10), 50, T2).quantityOf(shelf.id()))
                .isEqualTo(50);
        assertThatThrownBy(() -> cart.add(shelf, Quantity.of(11), 50, T2))
                .isInstanceOfSatisfying(QuantityLimitExceededException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.QUANTITY_LIMIT_EXCEEDED);
                    assertThat(e.productId()).isEqualTo(shelf.id());
                    assertThat(e.requested()).isEqualTo(51);
                    assertThat(e.limit()).isEqualTo(50);
                });
        assertThat(cart.quantityOf(shelf.id())).isEqualTo(40);
    }

    @Test
    void aLineHoldsAtMostTheMaximumQuantityWhateverTheStock() {
        Product bestseller = Books.book(Quantity.MAX + 50);
        Cart full = empty.add(bestseller, Quantity.of(Quantity.MAX), Integer.MAX_VALUE, T1);

        assertThatThrownBy(() -> full.add(bestseller, Quantity.of(1), Integer.MAX_VALUE, T2))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aBookOutOfStockCannotBeAdded() {
        Product soldOut = Books.book(0);

        assertThatThrownBy(() -> empty.add(soldOut, Quantity.of(1), Quantity.MAX, T1))
                .isInstanceOfSatisfying(
                        InsufficientStockException.class,
                        e -> assertThat(e.shortages()).containsExactly(new StockShortage(soldOut.id(), 1, 0)));
    }

    @Test
    void aBookNoLongerOnSaleCannotBeAddedEvenWithStock() {
        Product withdrawn = Books.inactiveBook(10);

        assertThatThrownBy(() -> empty.add(withdrawn, Quantity.of(1), Quantity.MAX, T1))
                .isInstanceOfSatisfying(
                        ProductNotFoundException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PRODUCT_NOT_FOUND))
                .hasMessageContaining(withdrawn.id().toString());
    }

    @Test
    void removingWithoutAQuantityDropsTheWholeLine() {
        Product hobbit = Books.book(5);
        Product dune = Books.book(5);
        Cart cart = empty.add(hobbit, Quantity.of(3), Quantity.MAX, T1).add(dune, Quantity.of(1), Quantity.MAX, T1);

        Cart after = cart.remove(hobbit.id(), Optional.empty(), T2);

        assertThat(after.lines()).containsExactly(new CartLine(dune.id(), Quantity.of(1)));
        assertThat(after.line(hobbit.id())).isEmpty();
        assertThat(after.updatedAt()).isEqualTo(T2);
    }

    @ParameterizedTest(name = "{0} in the cart, remove {1} -> {2} left")
    @CsvSource({"5, 2, 3", "5, 4, 1", "5, 5, 0", "5, 9, 0", "1, 1, 0"})
    void removingSomeCopiesKeepsTheRestAndALineAtZeroGoes(int inCart, int removed, int left) {
        Product hobbit = Books.book(10);
        Cart cart = empty.add(hobbit, Quantity.of(inCart), Quantity.MAX, T1);

        Cart after = cart.remove(hobbit.id(), Optional.of(Quantity.of(removed)), T2);

        assertThat(after.quantityOf(hobbit.id())).isEqualTo(left);
        assertThat(after.line(hobbit.id()).isPresent()).isEqualTo(left > 0);
        assertThat(after.isEmpty()).isEqualTo(left == 0);
    }

    @Test
    void removingABookThatIsNotInTheCartIsRefused() {
        ProductId missing = ProductId.of(UUID.randomUUID());
        Cart cart = empty.add(Books.book(5), Quantity.of(1), Quantity.MAX, T1);

        assertThatThrownBy(() -> cart.remove(missing, Optional.empty(), T2))
                .isInstanceOfSatisfying(
                        CartItemNotFoundException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CART_ITEM_NOT_FOUND))
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> empty.remove(missing, Optional.of(Quantity.of(1)), T2))
                .isInstanceOf(CartItemNotFoundException.class);
    }

    @Test
    void linesInLockOrderAreSortedByProductId() {
        ProductId first = productId("00000000-0000-0000-0000-000000000001");
        ProductId second = productId("00000000-0000-0000-0000-000000000002");
        ProductId third = productId("00000000-0000-0000-0000-000000000003");
        Cart cart = empty.add(Books.book(third, 5), Quantity.of(1), Quantity.MAX, T1)
                .add(Books.book(first, 5), Quantity.of(1), Quantity.MAX, T1)
                .add(Books.book(second, 5), Quantity.of(1), Quantity.MAX, T1);

        assertThat(cart.linesInLockOrder()).extracting(CartLine::productId).containsExactly(first, second, third);
        assertThat(cart.lines())
                .as("the cart keeps the order lines were added in")
                .extracting(CartLine::productId)
                .containsExactly(third, first, second);
    }

    @Test
    void linesInLockOrderMatchTheDatabaseOrderOfUuids() {
        ProductId low = productId("00000000-0000-0000-0000-000000000001");
        ProductId high = productId("80000000-0000-0000-0000-000000000000");
        Cart cart = empty.add(Books.book(high, 5), Quantity.of(1), Quantity.MAX, T1)
                .add(Books.book(low, 5), Quantity.of(1), Quantity.MAX, T1);

        assertThat(cart.linesInLockOrder()).extracting(CartLine::productId).containsExactly(low, high);
    }

    @Test
    void aCartHoldsOneLinePerBook() {
        ProductId hobbit = ProductId.of(UUID.randomUUID());
        List<CartLine> twice = List.of(new CartLine(hobbit, Quantity.of(1)), new CartLine(hobbit, Quantity.of(2)));

        assertThatThrownBy(() -> Cart.rehydrate(ANN, twice, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rehydrateRebuildsWhatWasStored() {
        ProductId hobbit = ProductId.of(UUID.randomUUID());
        List<CartLine> lines = List.of(new CartLine(hobbit, Quantity.of(2)));

        Cart stored = Cart.rehydrate(ANN, lines, T1);

        assertThat(stored.lines()).isEqualTo(lines);
        assertThat(stored).isEqualTo(Cart.rehydrate(ANN, lines, T1));
        assertThatThrownBy(() -> stored.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static ProductId productId(String uuid) {
        return ProductId.of(UUID.fromString(uuid));
    }
}
