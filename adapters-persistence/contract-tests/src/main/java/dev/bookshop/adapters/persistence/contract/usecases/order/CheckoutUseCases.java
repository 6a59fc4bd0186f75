package dev.bookshop.adapters.persistence.contract.usecases.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.adapters.persistence.contract.usecases.ScriptedPaymentGateway;
import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.catalog.port.in.ProductChanges;
import dev.bookshop.application.catalog.port.in.StockChange;
import dev.bookshop.application.order.port.in.CheckoutResult;
import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Checking a cart out: stock, idempotency keys, the payment provider's first answer and races. Every adapter subclasses it once; each test makes its own users and books.
 */
public abstract class CheckoutUseCases extends UseCaseTestBase {

    /** How many buyers race for how many copies in the oversell test; database adapters may raise these. */
    protected int racingBuyers() {
        return 50;
    }

    protected int lastCopies() {
        return 5;
    }

    @Test
    void anApprovedCheckoutPaysTheOrderTakesStockEmptiesTheCartAndMailsOnce() {
        User user = customer();
        Product a = book("Paid A", 1000, 5);
        Product b = book("Paid B", 250, 5);
        add(user, a, 2);
        add(user, b, 1);

        CheckoutResult result = checkout(user);

        assertThat(result.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(result.order().total()).isEqualTo(Money.ofCents(2250));
        assertThat(result.payment().status()).isEqualTo(CheckoutResult.PaymentStatus.SUCCEEDED);
        assertThat(result.order().items()).extracting(i -> i.quantity().value()).containsExactly(2, 1);
        assertThat(stockOf(a)).isEqualTo(3);
        assertThat(stockOf(b)).isEqualTo(4);
        assertThat(shop.getCart().getCart(user.id()).items()).isEmpty();

        assertThat(shop.deliverMail().deliverDueMail()).isEqualTo(1);
        assertThat(shop.deliverMail().deliverDueMail()).isZero();
        assertThat(mailer.sent()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(user.email());
            assertThat(mail.textBody()).contains(a.title()).contains("22.50 EUR");
            assertThat(mail.htmlBody()).contains("22.50 EUR");
        });
    }

    @Test
    void orderItemsAreSnapshotsThatIgnoreLaterCatalogueEdits() {
        User user = customer();
        Product book = book("Snapshot", 1000, 5);
        add(user, book, 1);
        Order order = checkout(user).order();

        shop.adminCatalog()
                .updateProduct(
                        admin.id(),
                        book.id(),
                        new ProductChanges(
                                Optional.of("Renamed"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Price.ofCents(9999)),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(false)));

        Order reread = shop.getMyOrder().getMyOrder(user.id(), order.id());
        assertThat(reread.items().getFirst().title()).isEqualTo(book.title());
        assertThat(reread.items().getFirst().unitPrice()).isEqualTo(Money.ofCents(1000));
    }

    @Test
    void anEmptyCartCannotBeCheckedOut() {
        assertRefused(() -> checkout(customer()), ErrorCode.CART_EMPTY);
    }

    @Test
    void stockThatMovedSinceAddingRefusesTheWholeCheckoutAndWritesNothing() {
        User user = customer();
        Product plenty = book("Plenty", 100, 10);
        Product scarce = book("Scarce", 100, 3);
        add(user, plenty, 2);
        add(user, scarce, 3);
        shop.adminCatalog().changeStock(admin.id(), scarce.id(), new StockChange.MoveBy(-2));

        assertThatThrownBy(() -> checkout(user))
                .isInstanceOfSatisfying(
                        dev.bookshop.domain.catalog.InsufficientStockException.class,
                        e -> assertThat(e.productIds()).containsExactly(scarce.id()));

        assertThat(stockOf(plenty)).isEqualTo(10);
        assertThat(stockOf(scarce)).isEqualTo(1);
        assertThat(shop.getCart().getCart(user.id()).items()).hasSize(2);
        assertThat(orderCount(user)).isZero();
    }

    @Test
    void aBookWithdrawnSinceAddingMakesTheCartUnavailable() {
        User user = customer();
        Product book = book("Withdrawn later", 100, 10);
        add(user, book, 1);
        shop.adminCatalog().deactivateProduct(admin.id(), book.id());

        assertRefused(() -> checkout(user), ErrorCode.PRODUCT_UNAVAILABLE);
        assertThat(stockOf(book)).isEqualTo(10);
    }

    @Test
    void aDeactivatedCustomerCannotCheckOut() {
        User user = customer();
        add(user, book("Blocked", 100, 10), 1);
        deactivate(user);

        assertRefused(() -> checkout(user), ErrorCode.USER_INACTIVE);
    }

    @Test
    void repeatingAnIdempotencyKeyReplaysTheFirstOrderWithoutASecondChargeOrStockMove() {
        User user = customer();
        Product book = book("Once", 100, 10);
        add(user, book, 2);
        IdempotencyKey key = freshKey("checkout");

        CheckoutResult first = checkout(user, key);
        CheckoutResult again = checkout(user, key);

        assertThat(again.replayed()).isTrue();
        assertThat(again.order().id()).isEqualTo(first.order().id());
        assertThat(again.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(stockOf(book)).isEqualTo(8);
        assertThat(payments.starts()).hasSize(1);
        assertThat(orderCount(user)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentCartIsRefused() {
        User user = customer();
        Product book = book("Key reuse", 100, 10);
        add(user, book, 1);
        IdempotencyKey key = freshKey("k");
        checkout(user, key);
        add(user, book, 3);

        assertRefused(() -> checkout(user, key), ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(stockOf(book)).isEqualTo(9);
    }

    @Test
    void keysBelongToOneCustomer() {
        User one = customer();
        User two = customer();
        Product book = book("Two buyers", 100, 10);
        IdempotencyKey shared = freshKey("same-key");
        add(one, book, 1);
        add(two, book, 1);

        Order first = checkout(one, shared).order();
        Order second = checkout(two, shared).order();

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.userId()).isEqualTo(two.id());
    }

    @Test
    void anUnreachableProviderFailsTheOrderAndReturnsItsStock() {
        User user = customer();
        Product book = book("Provider down", 100, 4);
        add(user, book, 3);
        payments.answer(ScriptedPaymentGateway.Mode.DOWN);

        assertRefused(() -> checkout(user), ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);

        Order order = ordersOf(user).getFirst();
        assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(stockOf(book)).isEqualTo(4);
    }

    @Test
    void aRetryOfACheckoutThatCouldNotReachTheProviderGetsTheSameAnswer() {
        User user = customer();
        Product book = book("Provider down twice", 100, 4);
        add(user, book, 1);
        IdempotencyKey key = freshKey("retry");
        payments.answer(ScriptedPaymentGateway.Mode.DOWN);

        assertRefused(() -> checkout(user, key), ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);
        payments.answer(ScriptedPaymentGateway.Mode.APPROVE);
        assertRefused(() -> checkout(user, key), ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);

        assertThat(orderCount(user)).isEqualTo(1);
        assertThat(stockOf(book)).isEqualTo(4);
    }

    @Test
    void aPaymentAwaitingTheCustomerLeavesTheOrderPendingWithAClientSecret() {
        User user = customer();
        add(user, book("Pending", 100, 4), 1);
        payments.answer(ScriptedPaymentGateway.Mode.AWAIT_CUSTOMER);

        CheckoutResult result = checkout(user);

        assertThat(result.order().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(result.payment().status()).isEqualTo(CheckoutResult.PaymentStatus.PENDING);
        assertThat(result.payment().clientSecret()).isPresent();
        assertThat(orderOf(result).paymentReference()).isPresent();
    }

    @Test
    void aDeclinedPaymentFailsTheOrderAndReturnsItsStock() {
        User user = customer();
        Product book = book("Declined", 100, 4);
        add(user, book, 2);
        payments.answer(ScriptedPaymentGateway.Mode.DECLINE);

        CheckoutResult result = checkout(user);

        assertThat(result.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(result.payment().status()).isEqualTo(CheckoutResult.PaymentStatus.FAILED);
        assertThat(stockOf(book)).isEqualTo(4);
    }

    @Test
    void aCheckoutClickedManyTimesAtOncePlacesOneOrder() throws Exception {
        User user = customer();
        Product book = book("Double click", 100, 10);
        add(user, book, 2);

        List<Callable<Boolean>> clicks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clicks.add(() -> {
                try {
                    checkout(user);
                    return true;
                } catch (DomainException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.CART_EMPTY);
                    return false;
                }
            });
        }

        assertThat(race(clicks)).containsOnlyOnce(true);
        assertThat(stockOf(book)).isEqualTo(8);
        assertThat(orderCount(user)).isEqualTo(1);
    }

    @Test
    void racingBuyersNeverOversell() throws Exception {
        Product book = book("Last copies", 100, lastCopies());
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < racingBuyers(); i++) {
            User buyer = customer();
            add(buyer, book, 1);
            buyers.add(buyer);
        }

        List<Callable<Boolean>> attempts = buyers.stream()
                .<Callable<Boolean>>map(buyer -> () -> {
                    try {
                        checkout(buyer);
                        return true;
                    } catch (DomainException e) {
                        assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_STOCK);
                        return false;
                    }
                })
                .toList();
        long sold = race(attempts).stream().filter(Boolean::booleanValue).count();

        assertThat(sold).isEqualTo(lastCopies());
        assertThat(stockOf(book)).isZero();
        long orders = shop
                .adminOrders()
                .listOrders(
                        admin.id(),
                        new OrderQuery(Optional.of(OrderStatus.PAID), Optional.empty(), PageRequest.of(1, 100)))
                .items()
                .stream()
                .filter(o -> o.order().items().getFirst().productId().equals(Optional.of(book.id())))
                .count();
        assertThat(orders).isEqualTo(lastCopies());
    }
}
