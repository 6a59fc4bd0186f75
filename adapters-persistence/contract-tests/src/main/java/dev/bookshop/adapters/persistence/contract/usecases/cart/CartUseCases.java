package dev.bookshop.adapters.persistence.contract.usecases.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.cart.port.in.CartView;
import dev.bookshop.application.catalog.port.in.StockChange;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.User;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reading the cart, adding to it and removing from it. Every adapter subclasses it once; each test makes its own users and books.
 */
public abstract class CartUseCases extends UseCaseTestBase {

    @Test
    void addingJoinsTheLineAndPricesTheCart() {
        User user = customer();
        Product book = book("Cart", 1250, 5);

        add(user, book, 1);
        CartView cart = add(user, book, 2);

        assertThat(cart.items()).singleElement().satisfies(item -> {
            assertThat(item.quantity()).isEqualTo(3);
            assertThat(item.lineTotal()).isEqualTo(Money.ofCents(3750));
            assertThat(item.available()).isTrue();
        });
        assertThat(cart.total()).isEqualTo(Money.ofCents(3750));
        assertThat(shop.getCart().getCart(user.id())).isEqualTo(cart);
    }

    @Test
    void anEmptyCartIsAnsweredForAnyoneWithoutOne() {
        assertThat(shop.getCart().getCart(customer().id()).items()).isEmpty();
    }

    @Test
    void moreThanTheStockIsRefusedAndTheCartIsUnchanged() {
        User user = customer();
        Product book = book("Scarce", 1000, 2);
        add(user, book, 2);

        assertRefused(() -> add(user, book, 1), ErrorCode.INSUFFICIENT_STOCK);
        assertThat(shop.getCart().getCart(user.id()).items().getFirst().quantity())
                .isEqualTo(2);
    }

    @Test
    void inactiveAndMissingBooksCannotBeAdded() {
        User user = customer();
        Product book = book("Withdrawn", 1000, 2);
        shop.adminCatalog().deactivateProduct(admin.id(), book.id());

        assertRefused(() -> add(user, book, 1), ErrorCode.PRODUCT_NOT_FOUND);
        assertRefused(
                () -> shop.addToCart().addToCart(user.id(), new ProductId(UUID.randomUUID()), Quantity.of(1)),
                ErrorCode.PRODUCT_NOT_FOUND);
    }

    @Test
    void removingShrinksOrDropsALine() {
        User user = customer();
        Product a = book("A", 100, 9);
        Product b = book("B", 100, 9);
        add(user, a, 3);
        add(user, b, 1);

        CartView shrunk = shop.removeFromCart().removeFromCart(user.id(), a.id(), Optional.of(Quantity.of(2)));
        assertThat(shrunk.items()).extracting(CartView.Item::quantity).containsExactly(1, 1);

        CartView dropped = shop.removeFromCart().removeFromCart(user.id(), a.id(), Optional.empty());
        assertThat(dropped.items()).extracting(CartView.Item::productId).containsExactly(b.id());

        CartView toZero = shop.removeFromCart().removeFromCart(user.id(), b.id(), Optional.of(Quantity.of(5)));
        assertThat(toZero.items()).isEmpty();

        assertRefused(
                () -> shop.removeFromCart().removeFromCart(user.id(), a.id(), Optional.empty()),
                ErrorCode.CART_ITEM_NOT_FOUND);
    }

    @Test
    void aLineBecomesUnavailableWhenStockFallsBelowIt() {
        User user = customer();
        Product book = book("Falling", 100, 5);
        add(user, book, 4);

        shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.SetTo(Stock.of(2)));

        assertThat(shop.getCart().getCart(user.id()).items().getFirst().available())
                .isFalse();
    }

    @Test
    void aDeactivatedCustomerCannotChangeTheirCart() {
        User user = customer();
        Product book = book("Locked", 100, 5);
        deactivate(user);

        assertRefused(() -> add(user, book, 1), ErrorCode.USER_INACTIVE);
    }
}
