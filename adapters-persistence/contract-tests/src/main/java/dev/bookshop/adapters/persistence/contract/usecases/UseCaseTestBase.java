package dev.bookshop.adapters.persistence.contract.usecases;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.account.service.AccountSettings;
import dev.bookshop.application.cart.port.in.CartView;
import dev.bookshop.application.catalog.port.in.NewProduct;
import dev.bookshop.application.housekeeping.service.Retention;
import dev.bookshop.application.order.port.in.CheckoutResult;
import dev.bookshop.application.payment.port.in.PaymentEvent;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.application.shared.service.BookshopServices;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shop every use-case test runs against: the real services over one adapter's {@link PersistencePorts}, with a
 * clock, a mailer and a payment gateway the test controls, and shortcuts to make users, books, carts and orders. The
 * feature suites in the packages below this one extend it; each adapter subclasses every feature suite once.
 */
public abstract class UseCaseTestBase {

    protected static final String PASSWORD = "correct horse battery";
    protected static final Currency EUR = Currency.getInstance("EUR");
    protected static final Duration PAYMENT_TIMEOUT = Duration.ofMinutes(30);

    protected PersistencePorts store;
    protected UseCases shop;
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    protected final FastPasswordHasher hasher = new FastPasswordHasher();
    protected final ScriptedPaymentGateway payments = new ScriptedPaymentGateway();
    protected final RecordingMailer mailer = new RecordingMailer();
    protected User admin;

    /** A fresh, empty store for this test. */
    protected abstract PersistencePorts newPorts();

    @BeforeEach
    void openShop() {
        store = newPorts();
        reopenShop(settings());
        admin = shop.ensureAdmin().ensureAdmin(uniqueEmail("admin"), Password.chosen(PASSWORD));
    }

    /** The operator's settings every test starts with. */
    protected static ShopSettings settings() {
        return new ShopSettings(EUR, Duration.ofDays(30), PAYMENT_TIMEOUT);
    }

    /** Rewires the services over the same store with other settings, as a restart with another configuration. */
    protected void reopenShop(ShopSettings settings) {
        reopenShop(settings, AccountSettings.defaults());
    }

    /** Rewires the services with other account settings too. */
    protected void reopenShop(ShopSettings settings, AccountSettings accountSettings) {
        shop = BookshopServices.create(
                store,
                hasher,
                payments,
                mailer,
                clock,
                IdGenerator.random(),
                TokenGenerator.secureRandom(),
                settings,
                Retention.defaults(),
                accountSettings);
    }

    // ---- people and books -----------------------------------------------------------------------------------

    protected static Email uniqueEmail(String who) {
        return Email.of(who + "-" + UUID.randomUUID() + "@example.com");
    }

    /**
     * A customer with an unverified address, stored directly: signing up would queue a verification mail, and the
     * suites that count mails count the ones their own use cases queue.
     */
    protected User customer() {
        User user = User.signUp(
                new UserId(UUID.randomUUID()),
                uniqueEmail("reader"),
                hasher.hash(Password.chosen(PASSWORD)),
                clock.instant());
        if (!store.transactions().inTransaction(() -> store.users().insertIfEmailFree(user))) {
            throw new IllegalStateException("a fresh email was taken");
        }
        return user;
    }

    protected void deactivate(User user) {
        shop.adminUsers().updateUser(admin.id(), user.id(), Optional.of(false), Optional.empty());
    }

    protected Product book(String title, long priceCents, int stock) {
        return shop.adminCatalog()
                .createProduct(
                        admin.id(),
                        new NewProduct(
                                new BookDetails(
                                        title + " " + UUID.randomUUID(),
                                        "Test Author",
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty()),
                                Price.ofCents(priceCents),
                                Stock.of(stock),
                                Set.of()));
    }

    protected int stockOf(Product book) {
        return store.products().findById(book.id()).orElseThrow().stock();
    }

    // ---- carts and orders -----------------------------------------------------------------------------------

    protected CartView add(User user, Product book, int quantity) {
        return shop.addToCart().addToCart(user.id(), book.id(), Quantity.of(quantity));
    }

    protected CheckoutResult checkout(User user) {
        return shop.checkout().checkout(user.id(), Optional.empty());
    }

    protected CheckoutResult checkout(User user, IdempotencyKey key) {
        return shop.checkout().checkout(user.id(), Optional.of(key));
    }

    /** A checkout key no other test uses. */
    protected static IdempotencyKey freshKey(String prefix) {
        return new IdempotencyKey(prefix + "-" + UUID.randomUUID());
    }

    /** The customer's orders, newest first, as the customer sees them. */
    protected List<Order> ordersOf(User user) {
        return shop.listMyOrders().listMyOrders(user.id(), PageRequest.first()).items();
    }

    /** How many orders the customer has, as their order history counts them. */
    protected long orderCount(User user) {
        return shop.listMyOrders().listMyOrders(user.id(), PageRequest.first()).total();
    }

    protected Order orderOf(CheckoutResult result) {
        return store.orders().findById(result.order().id()).orElseThrow();
    }

    /** The order as stored now. */
    protected Order reread(Order order) {
        return store.orders().findById(order.id()).orElseThrow();
    }

    /** Checks the book out while the provider waits for the customer, as it goes on doing: the order stays pending. */
    protected Order pendingOrder(User user, Product book, int quantity) {
        add(user, book, quantity);
        payments.answer(ScriptedPaymentGateway.Mode.AWAIT_CUSTOMER);
        return orderOf(checkout(user));
    }

    // ---- payment events -------------------------------------------------------------------------------------

    /** A provider event for the order's full amount, as a webhook would deliver it. */
    protected static PaymentEvent paymentEvent(PaymentEvent.Type type, Order order, String reference) {
        return paymentEvent(type, reference, Optional.of(order.id()), order.total(), EUR);
    }

    protected static PaymentEvent paymentEvent(
            PaymentEvent.Type type, String reference, Optional<OrderId> orderId, Money amount, Currency currency) {
        return new PaymentEvent("scripted", "evt_" + UUID.randomUUID(), type, reference, orderId, amount, currency);
    }

    // ---- assertions and concurrency -------------------------------------------------------------------------

    protected static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(code);
    }

    /** Starts every task at the same moment and waits for all of them. */
    protected static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(tasks.size(), 32));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
