package dev.bookshop.domain.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.catalog.Books;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Merging a guest's cart into an account's: every case the report can tell. */
class CartMergeTest {

    private static final UserId ANN = UserId.of(UUID.randomUUID());
    private static final Instant T0 = Instant.parse("2026-02-01T12:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final int LIMIT = 10;

    private static GuestCart guest(CartLine... lines) {
        return new GuestCart(TokenHash.of("guest-" + UUID.randomUUID()), List.of(lines), T0, T0, T0);
    }

    private static CartLine line(Product book, int quantity) {
        return new CartLine(book.id(), Quantity.of(quantity));
    }

    private static Map<ProductId, Product> shop(Product... books) {
        return Stream.of(books).collect(Collectors.toMap(Product::id, Function.identity()));
    }

    @Test
    void aNewBookIsAddedInFull() {
        Product book = Books.book(5);

        CartMerge merge = Cart.empty(ANN, T0).merge(guest(line(book, 2)), shop(book), LIMIT, T1);

        assertThat(merge.cart().quantityOf(book.id())).isEqualTo(2);
        assertThat(merge.cart().updatedAt()).isEqualTo(T1);
        assertThat(merge.report()).isEqualTo(new CartMergeReport(List.of(book.id()), List.of(), List.of()));
    }

    @Test
    void quantitiesOfTheSameBookAddUpAndAFullJoinIsNotReported() {
        Product book = Books.book(9);
        Cart account = Cart.empty(ANN, T0).add(book, Quantity.of(3), LIMIT, T0);

        CartMerge merge = account.merge(guest(line(book, 4)), shop(book), LIMIT, T1);

        assertThat(merge.cart().quantityOf(book.id())).isEqualTo(7);
        assertThat(merge.report()).isEqualTo(CartMergeReport.nothing());
    }

    @Test
    void aSumAboveTheStockIsCappedAtTheStock() {
        Product book = Books.book(5);
        Cart account = Cart.empty(ANN, T0).add(book, Quantity.of(3), LIMIT, T0);

        CartMerge merge = account.merge(guest(line(book, 4)), shop(book), LIMIT, T1);

        assertThat(merge.cart().quantityOf(book.id())).isEqualTo(5);
        assertThat(merge.report().adjusted())
                .containsExactly(new CartMergeReport.Adjusted(book.id(), 7, 5, MergeReason.STOCK));
        assertThat(merge.report().added()).isEmpty();
    }

    @Test
    void aSumAboveThePerLineLimitIsCappedAtTheLimit() {
        Product book = Books.book(100);
        Cart account = Cart.empty(ANN, T0).add(book, Quantity.of(8), LIMIT, T0);

        CartMerge merge = account.merge(guest(line(book, 5)), shop(book), LIMIT, T1);

        assertThat(merge.cart().quantityOf(book.id())).isEqualTo(LIMIT);
        assertThat(merge.report().adjusted())
                .containsExactly(new CartMergeReport.Adjusted(book.id(), 13, LIMIT, MergeReason.LIMIT));
    }

    @Test
    void aNewLineAboveTheStockIsAdjustedNotAdded() {
        Product book = Books.book(2);

        CartMerge merge = Cart.empty(ANN, T0).merge(guest(line(book, 3)), shop(book), LIMIT, T1);

        assertThat(merge.cart().quantityOf(book.id())).isEqualTo(2);
        assertThat(merge.report().added()).isEmpty();
        assertThat(merge.report().adjusted())
                .containsExactly(new CartMergeReport.Adjusted(book.id(), 3, 2, MergeReason.STOCK));
    }

    @Test
    void aBookOutOfStockIsDroppedForTheStock() {
        Product book = Books.book(0);

        CartMerge merge = Cart.empty(ANN, T0).merge(guest(line(book, 1)), shop(book), LIMIT, T1);

        assertThat(merge.cart().isEmpty()).isTrue();
        assertThat(merge.report().dropped()).containsExactly(new CartMergeReport.Dropped(book.id(), MergeReason.STOCK));
    }

    @Test
    void anInactiveBookIsDropped() {
        Product withdrawn = Books.inactiveBook(5);

        CartMerge merge = Cart.empty(ANN, T0).merge(guest(line(withdrawn, 1)), shop(withdrawn), LIMIT, T1);

        assertThat(merge.cart().isEmpty()).isTrue();
        assertThat(merge.report().dropped())
                .containsExactly(new CartMergeReport.Dropped(withdrawn.id(), MergeReason.INACTIVE));
    }

    @Test
    void aBookGoneFromTheShopIsDropped() {
        Product gone = Books.book(5);

        CartMerge merge = Cart.empty(ANN, T0).merge(guest(line(gone, 1)), shop(), LIMIT, T1);

        assertThat(merge.report().dropped())
                .containsExactly(new CartMergeReport.Dropped(gone.id(), MergeReason.DELETED));
    }

    @Test
    void theAccountsOwnLineIsNeverMadeSmaller() {
        Product book = Books.book(5);
        Cart account = Cart.empty(ANN, T0).add(book, Quantity.of(4), LIMIT, T0);
        Product fewer = Books.book(book.id(), 2);

        CartMerge merge = account.merge(guest(line(book, 1)), shop(fewer), LIMIT, T1);

        assertThat(merge.cart().quantityOf(book.id())).isEqualTo(4);
        assertThat(merge.report().adjusted())
                .containsExactly(new CartMergeReport.Adjusted(book.id(), 5, 4, MergeReason.STOCK));
    }

    @Test
    void linesOfTheAccountTheGuestNeverHadStayAsTheyWere() {
        Product own = Books.book(5);
        Product guests = Books.book(5);
        Cart account = Cart.empty(ANN, T0).add(own, Quantity.of(2), LIMIT, T0);

        CartMerge merge = account.merge(guest(line(guests, 1)), shop(own, guests), LIMIT, T1);

        assertThat(merge.cart().lines()).containsExactly(line(own, 2), line(guests, 1));
        assertThat(merge.cart().owner()).isEqualTo(ANN);
    }

    @Test
    void everyCaseInOneMergeIsReportedInTheGuestsOrder() {
        Product added = Books.book(9);
        Product joined = Books.book(9);
        Product capped = Books.book(3);
        Product withdrawn = Books.inactiveBook(9);
        Product soldOut = Books.book(0);
        Cart account =
                Cart.empty(ANN, T0).add(joined, Quantity.of(1), LIMIT, T0).add(capped, Quantity.of(2), LIMIT, T0);

        CartMerge merge = account.merge(
                guest(line(soldOut, 1), line(capped, 2), line(added, 1), line(withdrawn, 1), line(joined, 1)),
                shop(added, joined, capped, withdrawn, soldOut),
                LIMIT,
                T1);

        assertThat(merge.report().added()).containsExactly(added.id());
        assertThat(merge.report().adjusted())
                .containsExactly(new CartMergeReport.Adjusted(capped.id(), 4, 3, MergeReason.STOCK));
        assertThat(merge.report().dropped())
                .containsExactly(
                        new CartMergeReport.Dropped(soldOut.id(), MergeReason.STOCK),
                        new CartMergeReport.Dropped(withdrawn.id(), MergeReason.INACTIVE));
        assertThat(merge.cart().lines()).containsExactly(line(joined, 2), line(capped, 3), line(added, 1));
    }

    @Test
    void anEmptyGuestCartChangesNothing() {
        Product book = Books.book(5);
        Cart account = Cart.empty(ANN, T0).add(book, Quantity.of(1), LIMIT, T0);

        CartMerge merge = account.merge(guest(), shop(book), LIMIT, T1);

        assertThat(merge.cart()).isEqualTo(account);
        assertThat(merge.report()).isEqualTo(CartMergeReport.nothing());
    }
}
