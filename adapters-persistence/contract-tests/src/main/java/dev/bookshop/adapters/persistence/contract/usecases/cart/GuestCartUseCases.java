package dev.bookshop.adapters.persistence.contract.usecases.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.cart.port.in.CartView;
import dev.bookshop.application.cart.port.in.NewGuestCart;
import dev.bookshop.application.catalog.port.in.StockChange;
import dev.bookshop.domain.cart.CartMergeReport;
import dev.bookshop.domain.cart.MergeReason;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.order.PurchaseLimits;
import dev.bookshop.domain.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Guest carts, setting a line's quantity, and the merge on sign-in. Every adapter subclasses it once; each test makes
 * its own users, books and carts.
 */
public abstract class GuestCartUseCases extends UseCaseTestBase {

    private String newCart() {
        return shop.guestCart().startGuestCart().cartToken();
    }

    private CartView addAsGuest(String token, Product book, int quantity) {
        return shop.guestCart().addToGuestCart(token, book.id(), Quantity.of(quantity));
    }

    @Test
    void aNewGuestCartIsEmptyAndItsTokenIsUnguessable() {
        NewGuestCart first = shop.guestCart().startGuestCart();
        NewGuestCart second = shop.guestCart().startGuestCart();

        assertThat(first.cart().items()).isEmpty();
        assertThat(first.cartToken()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(second.cartToken());
        assertThat(shop.guestCart().guestCart(first.cartToken()).items()).isEmpty();
    }

    @Test
    void aGuestAddsRemovesAndReadsTheirCart() {
        String token = newCart();
        Product a = book("Guest A", 1000, 5);
        Product b = book("Guest B", 250, 5);

        addAsGuest(token, a, 2);
        addAsGuest(token, b, 1);
        CartView after = shop.guestCart().removeFromGuestCart(token, b.id(), Optional.empty());

        assertThat(after.items()).singleElement().satisfies(item -> {
            assertThat(item.productId()).isEqualTo(a.id());
            assertThat(item.quantity()).isEqualTo(2);
        });
        assertThat(after.total().cents()).isEqualTo(2000);
        assertThat(shop.guestCart().guestCart(token)).isEqualTo(after);
    }

    @Test
    void aGuestCartObeysTheStockAndTheLineLimit() {
        reopenShop(settings().withPurchaseLimits(new PurchaseLimits(3, 100, 3)));
        String token = newCart();
        Product scarce = book("Guest scarce", 1000, 2);
        Product plenty = book("Guest plenty", 1000, 50);

        assertRefused(() -> addAsGuest(token, scarce, 3), ErrorCode.INSUFFICIENT_STOCK);
        assertRefused(() -> addAsGuest(token, plenty, 4), ErrorCode.QUANTITY_LIMIT_EXCEEDED);
        shop.adminCatalog().deactivateProduct(admin.id(), plenty.id());
        assertRefused(() -> addAsGuest(token, plenty, 1), ErrorCode.PRODUCT_NOT_FOUND);
        assertThat(shop.guestCart().guestCart(token).items()).isEmpty();
    }

    @Test
    void unknownAndBlankTokensAreRefused() {
        Product book = book("Guest forged", 1000, 5);

        for (String forged : List.of("forged", "", " ", "x".repeat(10_000))) {
            assertRefused(() -> shop.guestCart().guestCart(forged), ErrorCode.CART_TOKEN_INVALID);
            assertRefused(() -> addAsGuest(forged, book, 1), ErrorCode.CART_TOKEN_INVALID);
        }
        assertRefused(() -> shop.guestCart().guestCart(null), ErrorCode.CART_TOKEN_INVALID);
    }

    @Test
    void anIdleCartExpiresButEveryUseKeepsItAlive() {
        String token = newCart();
        Duration ttl = settings().guestCartTtl();

        clock.advance(ttl.minusMinutes(1));
        shop.guestCart().guestCart(token);
        clock.advance(ttl.minusMinutes(1));
        assertThat(shop.guestCart().guestCart(token).items()).isEmpty();

        clock.advance(ttl);
        assertRefused(() -> shop.guestCart().guestCart(token), ErrorCode.CART_TOKEN_INVALID);
    }

    @Test
    void housekeepingPurgesIdleGuestCartsOnly() {
        String idle = newCart();
        clock.advance(Duration.ofDays(20));
        String live = newCart();
        clock.advance(Duration.ofDays(11));

        assertThat(shop.purgeExpiredData().purgeExpired().rows("guest carts")).isEqualTo(1);
        assertRefused(() -> shop.guestCart().guestCart(idle), ErrorCode.CART_TOKEN_INVALID);
        assertThat(shop.guestCart().guestCart(live).items()).isEmpty();
    }

    @Test
    void settingAQuantityReplacesRemovesOrRefusesForAccountsAndGuests() {
        reopenShop(settings().withPurchaseLimits(new PurchaseLimits(10, 100, 3)));
        User user = customer();
        String token = newCart();
        Product book = book("Set", 500, 6);
        add(user, book, 1);
        addAsGuest(token, book, 1);

        assertThat(shop.setCartQuantity()
                        .setCartQuantity(user.id(), book.id(), 5)
                        .items()
                        .getFirst()
                        .quantity())
                .isEqualTo(5);
        assertThat(shop.guestCart()
                        .setGuestCartQuantity(token, book.id(), 4)
                        .items()
                        .getFirst()
                        .quantity())
                .isEqualTo(4);

        assertRefused(
                () -> shop.setCartQuantity().setCartQuantity(user.id(), book.id(), 7), ErrorCode.INSUFFICIENT_STOCK);
        assertRefused(() -> shop.guestCart().setGuestCartQuantity(token, book.id(), 7), ErrorCode.INSUFFICIENT_STOCK);
        assertRefused(
                () -> shop.setCartQuantity().setCartQuantity(user.id(), book.id(), 11),
                ErrorCode.QUANTITY_LIMIT_EXCEEDED);
        assertRefused(
                () -> shop.setCartQuantity().setCartQuantity(user.id(), book.id(), -1), ErrorCode.VALIDATION_FAILED);
        ProductId unknown = new ProductId(UUID.randomUUID());
        assertRefused(() -> shop.setCartQuantity().setCartQuantity(user.id(), unknown, 1), ErrorCode.PRODUCT_NOT_FOUND);
        assertRefused(() -> shop.guestCart().setGuestCartQuantity(token, unknown, 1), ErrorCode.PRODUCT_NOT_FOUND);
        assertRefused(
                () -> shop.setCartQuantity().setCartQuantity(user.id(), unknown, 0), ErrorCode.CART_ITEM_NOT_FOUND);

        assertThat(shop.setCartQuantity()
                        .setCartQuantity(user.id(), book.id(), 0)
                        .items())
                .isEmpty();
        assertThat(shop.guestCart().setGuestCartQuantity(token, book.id(), 0).items())
                .isEmpty();
        assertThat(shop.getCart().getCart(user.id()).items()).isEmpty();
    }

    @Test
    void mergingAddsCapsAndDropsThenTheGuestCartIsGone() {
        User user = customer();
        Product fresh = book("Merge fresh", 100, 5);
        Product shared = book("Merge shared", 100, 4);
        Product withdrawn = book("Merge withdrawn", 100, 5);
        add(user, shared, 2);
        String token = newCart();
        addAsGuest(token, fresh, 2);
        addAsGuest(token, shared, 3);
        addAsGuest(token, withdrawn, 1);
        shop.adminCatalog().deactivateProduct(admin.id(), withdrawn.id());

        CartMergeReport report = shop.mergeGuestCart().mergeGuestCart(user.id(), token);

        assertThat(report.added()).containsExactly(fresh.id());
        assertThat(report.adjusted())
                .containsExactly(new CartMergeReport.Adjusted(shared.id(), 5, 4, MergeReason.STOCK));
        assertThat(report.dropped()).containsExactly(new CartMergeReport.Dropped(withdrawn.id(), MergeReason.INACTIVE));
        CartView cart = shop.getCart().getCart(user.id());
        assertThat(cart.items())
                .extracting(CartView.Item::productId, CartView.Item::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(shared.id(), 4),
                        org.assertj.core.groups.Tuple.tuple(fresh.id(), 2));
        assertRefused(() -> shop.guestCart().guestCart(token), ErrorCode.CART_TOKEN_INVALID);
        assertThat(shop.mergeGuestCart().mergeGuestCart(user.id(), token)).isEqualTo(CartMergeReport.nothing());
        assertThat(shop.getCart().getCart(user.id())).isEqualTo(cart);
    }

    @Test
    void aStaleOrForgedTokenMergesNothingAndRefusesNothing() {
        User user = customer();
        Product book = book("Merge stale", 100, 5);
        add(user, book, 1);
        String token = newCart();
        addAsGuest(token, book, 2);
        clock.advance(settings().guestCartTtl().plusSeconds(1));

        assertThat(shop.mergeGuestCart().mergeGuestCart(user.id(), token)).isEqualTo(CartMergeReport.nothing());
        assertThat(shop.mergeGuestCart().mergeGuestCart(user.id(), "forged")).isEqualTo(CartMergeReport.nothing());
        assertThat(shop.mergeGuestCart().mergeGuestCart(user.id(), null)).isEqualTo(CartMergeReport.nothing());
        assertThat(shop.getCart().getCart(user.id()).items().getFirst().quantity())
                .isEqualTo(1);
    }

    @Test
    void aMergeAboveTheStockIsCappedNeverRefused() {
        User user = customer();
        Product book = book("Merge scarce", 100, 3);
        String token = newCart();
        addAsGuest(token, book, 3);
        shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.SetTo(Stock.of(1)));

        CartMergeReport report = shop.mergeGuestCart().mergeGuestCart(user.id(), token);

        assertThat(report.adjusted()).containsExactly(new CartMergeReport.Adjusted(book.id(), 3, 1, MergeReason.STOCK));
        assertThat(shop.getCart().getCart(user.id()).items().getFirst().quantity())
                .isEqualTo(1);
    }

    @Test
    void twoSignInsWithOneTokenAtOnceMergeItOnce() throws Exception {
        User ann = customer();
        User bob = customer();
        Product book = book("Merge race", 100, 50);
        String token = newCart();
        addAsGuest(token, book, 2);
        List<Callable<CartMergeReport>> logins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            User who = i % 2 == 0 ? ann : bob;
            logins.add(() -> shop.mergeGuestCart().mergeGuestCart(who.id(), token));
        }

        List<CartMergeReport> reports = race(logins);

        assertThat(reports.stream().filter(r -> !r.added().isEmpty())).hasSize(1);
        int copies = shop.getCart().getCart(ann.id()).items().stream()
                        .mapToInt(CartView.Item::quantity)
                        .sum()
                + shop.getCart().getCart(bob.id()).items().stream()
                        .mapToInt(CartView.Item::quantity)
                        .sum();
        assertThat(copies).isEqualTo(2);
    }

    @Test
    void aDeactivatedAccountMergesNothing() {
        User user = customer();
        Product book = book("Merge inactive", 100, 5);
        String token = newCart();
        addAsGuest(token, book, 1);
        deactivate(user);

        assertRefused(() -> shop.mergeGuestCart().mergeGuestCart(user.id(), token), ErrorCode.USER_INACTIVE);
        assertThat(shop.guestCart().guestCart(token).items()).hasSize(1);
    }
}
