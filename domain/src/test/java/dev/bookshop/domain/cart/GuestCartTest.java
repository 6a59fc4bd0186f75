package dev.bookshop.domain.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.catalog.Books;
import dev.bookshop.domain.catalog.InsufficientStockException;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.common.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A guest's cart: the account cart's line rules, setting a quantity, and its idle lifetime. */
class GuestCartTest {

    private static final Instant T0 = Instant.parse("2026-02-01T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(30);
    private static final TokenHash TOKEN = TokenHash.of("a guest token");

    private final GuestCart fresh = GuestCart.start(TOKEN, T0);

    @Test
    void startsEmptyAndUsedNow() {
        assertThat(fresh.isEmpty()).isTrue();
        assertThat(fresh.createdAt()).isEqualTo(T0);
        assertThat(fresh.lastUsedAt()).isEqualTo(T0);
        assertThat(fresh.toString()).doesNotContain(TOKEN.hex());
    }

    @Test
    void addsAndJoinsLinesUnderTheSameRulesAsAnAccountCart() {
        Product book = Books.book(5);
        Instant later = T0.plusSeconds(10);

        GuestCart cart = fresh.add(book, Quantity.of(2), 10, T0).add(book, Quantity.of(1), 10, later);

        assertThat(cart.quantityOf(book.id())).isEqualTo(3);
        assertThat(cart.updatedAt()).isEqualTo(later);
        assertThat(cart.lastUsedAt()).isEqualTo(later);
        assertThatThrownBy(() -> cart.add(book, Quantity.of(3), 10, later))
                .isInstanceOf(InsufficientStockException.class);
        assertThatThrownBy(() -> cart.add(book, Quantity.of(2), 4, later))
                .isInstanceOf(QuantityLimitExceededException.class);
        assertThatThrownBy(() -> cart.add(Books.inactiveBook(5), Quantity.of(1), 10, later))
                .isInstanceOf(ProductNotFoundException.class);
    }

    @Test
    void settingAQuantityReplacesTheLineAndIsCheckedAgainstStockAndLimit() {
        Product book = Books.book(5);
        GuestCart cart = fresh.add(book, Quantity.of(4), 10, T0);

        assertThat(cart.setQuantity(book, Quantity.of(1), 10, T0).quantityOf(book.id()))
                .isEqualTo(1);
        assertThatThrownBy(() -> cart.setQuantity(book, Quantity.of(6), 10, T0))
                .isInstanceOf(InsufficientStockException.class);
        assertThatThrownBy(() -> cart.setQuantity(book, Quantity.of(5), 3, T0))
                .isInstanceOf(QuantityLimitExceededException.class);
    }

    @Test
    void removesLikeAnAccountCart() {
        Product book = Books.book(5);
        GuestCart cart = fresh.add(book, Quantity.of(4), 10, T0);

        assertThat(cart.remove(book.id(), Optional.empty(), T0).isEmpty()).isTrue();
        assertThatThrownBy(() -> fresh.remove(book.id(), Optional.empty(), T0))
                .isInstanceOf(CartItemNotFoundException.class);
    }

    @Test
    void aTouchKeepsItAliveWithoutChangingItsLines() {
        Instant later = T0.plus(Duration.ofDays(20));
        GuestCart touched = fresh.touched(later);

        assertThat(touched.lastUsedAt()).isEqualTo(later);
        assertThat(touched.updatedAt()).isEqualTo(T0);
        assertThat(touched.isIdle(T0.plus(LIFETIME), LIFETIME)).isFalse();
        assertThat(fresh.isIdle(T0.plus(LIFETIME), LIFETIME)).isTrue();
    }

    @Test
    void anIdleCartIsRefusedAsAnInvalidToken() {
        assertThat(fresh.requireLive(T0.plus(LIFETIME).minusNanos(1000), LIFETIME))
                .isSameAs(fresh);
        assertThatThrownBy(() -> fresh.requireLive(T0.plus(LIFETIME), LIFETIME))
                .isInstanceOf(CartTokenInvalidException.class);
    }

    @Test
    void holdsOneLinePerBook() {
        Product book = Books.book(5);
        CartLine line = new CartLine(book.id(), Quantity.of(1));

        assertThatThrownBy(() -> new GuestCart(TOKEN, List.of(line, line), T0, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
