package dev.bookshop.adapters.persistence.contract.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.application.account.port.in.Session;
import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.cart.port.in.CartView;
import dev.bookshop.application.catalog.port.in.NewProduct;
import dev.bookshop.application.catalog.port.in.ProductChanges;
import dev.bookshop.application.catalog.port.in.StockChange;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.order.port.in.CheckoutResult;
import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.payment.port.in.PaymentEvent;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.application.shared.service.BookshopServices;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.Role;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every use case, its success and each of its refusals, run against a real persistence adapter. Subclass it once per
 * adapter: the same cases must pass on memory, jOOQ and JPA. Each test makes its own users and books.
 */
public abstract class UseCaseSuite {

    protected static final String PASSWORD = "correct horse battery";
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Duration PAYMENT_TIMEOUT = Duration.ofMinutes(30);

    protected PersistencePorts store;
    protected UseCases shop;
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    protected final FastPasswordHasher hasher = new FastPasswordHasher();
    protected final ScriptedPaymentGateway payments = new ScriptedPaymentGateway();
    protected final RecordingMailer mailer = new RecordingMailer();
    protected User admin;

    /** A fresh, empty store for this test. */
    protected abstract PersistencePorts newPorts();

    /** How many buyers race for how many copies in the oversell test; database adapters may raise these. */
    protected int racingBuyers() {
        return 50;
    }

    protected int lastCopies() {
        return 5;
    }

    @BeforeEach
    void openShop() {
        store = newPorts();
        shop = BookshopServices.create(
                store,
                hasher,
                payments,
                mailer,
                clock,
                IdGenerator.random(),
                TokenGenerator.secureRandom(),
                new ShopSettings(EUR, Duration.ofDays(30), PAYMENT_TIMEOUT));
        admin = shop.ensureAdmin().ensureAdmin(uniqueEmail("admin"), Password.chosen(PASSWORD));
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    protected static Email uniqueEmail(String who) {
        return Email.of(who + "-" + UUID.randomUUID() + "@example.com");
    }

    protected User customer() {
        return shop.signUp().signUp(uniqueEmail("reader"), Password.chosen(PASSWORD));
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
                                Money.ofCents(priceCents),
                                stock,
                                Set.of()));
    }

    protected CartView add(User user, Product book, int quantity) {
        return shop.addToCart().addToCart(user.id(), book.id(), Quantity.of(quantity));
    }

    protected CheckoutResult checkout(User user) {
        return shop.checkout().checkout(user.id(), Optional.empty());
    }

    protected int stockOf(Product book) {
        return store.products().findById(book.id()).orElseThrow().stock();
    }

    protected Order orderOf(CheckoutResult result) {
        return store.orders().findById(result.order().id()).orElseThrow();
    }

    protected static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(code);
    }

    private PaymentEvent event(PaymentEvent.Type type, Order order, String reference) {
        return new PaymentEvent(
                "scripted", "evt_" + UUID.randomUUID(), type, reference, Optional.of(order.id()), order.total(), EUR);
    }

    // ---- accounts and sessions ------------------------------------------------------------------------------

    @Nested
    class Accounts {

        @Test
        void signupMakesAnActiveCustomerWithANormalisedEmail() {
            String raw = "  Mixed.Case+" + UUID.randomUUID() + "@Example.COM ";
            User user = shop.signUp().signUp(Email.of(raw), Password.chosen(PASSWORD));

            assertThat(user.role()).isEqualTo(Role.USER);
            assertThat(user.active()).isTrue();
            assertThat(user.email().value()).isEqualTo(raw.strip().toLowerCase(java.util.Locale.ROOT));
            assertThat(store.users().findById(user.id())).contains(user);
        }

        @Test
        void signupWithATakenEmailInAnyCaseIsRefused() {
            User first = customer();
            Email shouted = Email.of(first.email().value().toUpperCase(java.util.Locale.ROOT));

            assertRefused(() -> shop.signUp().signUp(shouted, Password.chosen(PASSWORD)), ErrorCode.EMAIL_TAKEN);
        }

        @Test
        void loginOpensASessionWithARefreshToken() {
            User user = customer();

            Session session = shop.logIn().logIn(user.email().value(), PASSWORD);

            assertThat(session.user().id()).isEqualTo(user.id());
            assertThat(session.refreshToken()).hasSizeGreaterThanOrEqualTo(43);
            assertThat(session.refreshExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        }

        @Test
        void wrongPasswordUnknownEmailAndInactiveAccountAreOneRefusalWithOneHashComparisonEach() {
            User user = customer();
            User gone = customer();
            shop.adminUsers().updateUser(admin.id(), gone.id(), Optional.of(false), Optional.empty());

            int before = hasher.comparisons();
            assertRefused(
                    () -> shop.logIn().logIn(user.email().value(), "wrong password"), ErrorCode.INVALID_CREDENTIALS);
            assertRefused(
                    () -> shop.logIn().logIn(uniqueEmail("nobody").value(), PASSWORD), ErrorCode.INVALID_CREDENTIALS);
            assertRefused(() -> shop.logIn().logIn(gone.email().value(), PASSWORD), ErrorCode.INVALID_CREDENTIALS);
            assertRefused(() -> shop.logIn().logIn("not an email", PASSWORD), ErrorCode.INVALID_CREDENTIALS);

            assertThat(hasher.comparisons() - before).isEqualTo(4);
        }

        @Test
        void refreshRotatesTheToken() {
            Session first = shop.logIn().logIn(customer().email().value(), PASSWORD);

            Session second = shop.refreshSession().refresh(first.refreshToken());

            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(shop.refreshSession()
                            .refresh(second.refreshToken())
                            .user()
                            .id())
                    .isEqualTo(first.user().id());
        }

        @Test
        void reusingARotatedTokenRevokesEveryTokenOfTheUser() {
            User user = customer();
            Session stolen = shop.logIn().logIn(user.email().value(), PASSWORD);
            Session otherDevice = shop.logIn().logIn(user.email().value(), PASSWORD);
            Session rotated = shop.refreshSession().refresh(stolen.refreshToken());

            assertRefused(() -> shop.refreshSession().refresh(stolen.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);

            assertRefused(() -> shop.refreshSession().refresh(rotated.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
            assertRefused(
                    () -> shop.refreshSession().refresh(otherDevice.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        }

        @Test
        void expiredUnknownAndBlankTokensAreRefused() {
            Session session = shop.logIn().logIn(customer().email().value(), PASSWORD);
            clock.advance(Duration.ofDays(30));

            assertRefused(() -> shop.refreshSession().refresh(session.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
            assertRefused(() -> shop.refreshSession().refresh("made-up"), ErrorCode.INVALID_REFRESH_TOKEN);
            assertRefused(() -> shop.refreshSession().refresh(" "), ErrorCode.INVALID_REFRESH_TOKEN);
        }

        @Test
        void aDeactivatedUserCannotRefresh() {
            User user = customer();
            Session session = shop.logIn().logIn(user.email().value(), PASSWORD);

            shop.adminUsers().updateUser(admin.id(), user.id(), Optional.of(false), Optional.empty());

            assertRefused(() -> shop.refreshSession().refresh(session.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        }

        @Test
        void logoutRevokesTheTokenAndMayBeRepeated() {
            Session session = shop.logIn().logIn(customer().email().value(), PASSWORD);

            shop.logOut().logOut(session.refreshToken());
            shop.logOut().logOut(session.refreshToken());
            shop.logOut().logOut("never-issued");

            assertRefused(() -> shop.refreshSession().refresh(session.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        }

        @Test
        void changingThePasswordNeedsTheCurrentOneAndEndsEverySession() {
            User user = customer();
            Session session = shop.logIn().logIn(user.email().value(), PASSWORD);

            assertRefused(
                    () -> shop.changePassword().changePassword(user.id(), "not it", Password.chosen("new password 1")),
                    ErrorCode.INVALID_CREDENTIALS);
            shop.changePassword().changePassword(user.id(), PASSWORD, Password.chosen("new password 1"));

            assertRefused(() -> shop.refreshSession().refresh(session.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
            assertRefused(() -> shop.logIn().logIn(user.email().value(), PASSWORD), ErrorCode.INVALID_CREDENTIALS);
            assertThat(shop.logIn()
                            .logIn(user.email().value(), "new password 1")
                            .user()
                            .id())
                    .isEqualTo(user.id());
        }

        @Test
        void ensureAdminPromotesAnExistingAccountAndIsRepeatable() {
            User user = customer();

            User promoted = shop.ensureAdmin().ensureAdmin(user.email(), Password.chosen(PASSWORD));

            assertThat(promoted.role()).isEqualTo(Role.ADMIN);
            assertThat(shop.ensureAdmin().ensureAdmin(user.email(), Password.chosen(PASSWORD)))
                    .isEqualTo(promoted);
            assertThat(shop.logIn().logIn(user.email().value(), PASSWORD).user().role())
                    .isEqualTo(Role.ADMIN);
        }

        @Test
        void currentUserIsTheCaller() {
            User user = customer();

            assertThat(shop.currentUser().currentUser(user.id())).isEqualTo(user);
            assertRefused(
                    () -> shop.currentUser().currentUser(new UserId(UUID.randomUUID())), ErrorCode.USER_NOT_FOUND);
        }
    }

    // ---- catalogue ------------------------------------------------------------------------------------------

    @Nested
    class Catalogue {

        @Test
        void inactiveBooksAreInvisibleToTheShopFront() {
            Product visible = book("Visible", 1000, 3);
            Product hidden = book("Hidden", 1000, 3);
            shop.adminCatalog().deactivateProduct(admin.id(), hidden.id());

            List<ProductId> listed =
                    shop.browseProducts().browse(ProductQuery.all().withPage(PageRequest.of(1, 100))).items().stream()
                            .map(Product::id)
                            .toList();

            assertThat(listed).contains(visible.id()).doesNotContain(hidden.id());
            assertThat(shop.getProduct().getProduct(visible.slug().value()).id())
                    .isEqualTo(visible.id());
            assertThat(shop.getProduct().getProduct(visible.id().toString()).id())
                    .isEqualTo(visible.id());
            assertRefused(() -> shop.getProduct().getProduct(hidden.slug().value()), ErrorCode.PRODUCT_NOT_FOUND);
            assertRefused(() -> shop.getProduct().getProduct("Not A Slug!"), ErrorCode.PRODUCT_NOT_FOUND);
            assertThat(shop.adminCatalog()
                            .listProducts(admin.id(), ProductQuery.all().withPage(PageRequest.of(1, 100)))
                            .items())
                    .extracting(Product::id)
                    .contains(hidden.id());
        }

        @Test
        void searchFindsByTitleWordsAndRefusesBlankText() {
            Product match = book("Quidditch Through the Ages", 899, 2);
            book("Something Else Entirely", 899, 2);

            assertThat(shop.searchProducts()
                            .search("quidditch", PageRequest.first())
                            .items())
                    .extracting(Product::id)
                    .contains(match.id());
            assertRefused(() -> shop.searchProducts().search("  ", PageRequest.first()), ErrorCode.VALIDATION_FAILED);
        }

        @Test
        void sameTitlesGetNumberedSlugs() {
            NewProduct request = new NewProduct(
                    new BookDetails(
                            "The Hobbit", "J. R. R. Tolkien", Optional.empty(), Optional.empty(), Optional.empty()),
                    Money.ofCents(1299),
                    1,
                    Set.of());

            Product first = shop.adminCatalog().createProduct(admin.id(), request);
            Product second = shop.adminCatalog().createProduct(admin.id(), request);

            assertThat(first.slug().value()).isEqualTo("the-hobbit");
            assertThat(second.slug().value()).isEqualTo("the-hobbit-2");
        }

        @Test
        void categoriesAreCreatedOnceAndShelveBooks() {
            var fantasy = shop.adminCatalog().createCategory(admin.id(), "Fantasy " + UUID.randomUUID());
            assertRefused(
                    () -> shop.adminCatalog().createCategory(admin.id(), fantasy.name()),
                    ErrorCode.CATEGORY_SLUG_TAKEN);

            Product shelved = shop.adminCatalog()
                    .createProduct(
                            admin.id(),
                            new NewProduct(
                                    new BookDetails(
                                            "Shelved",
                                            "Author",
                                            Optional.of("Series"),
                                            Optional.empty(),
                                            Optional.empty()),
                                    Money.ofCents(500),
                                    1,
                                    Set.of(fantasy.slug())));

            assertThat(shelved.categories()).containsExactly(fantasy);
            assertThat(shop.listCategories().listCategories()).contains(fantasy);
            assertRefused(
                    () -> shop.adminCatalog()
                            .createProduct(
                                    admin.id(),
                                    new NewProduct(
                                            new BookDetails(
                                                    "X", "Y", Optional.empty(), Optional.empty(), Optional.empty()),
                                            Money.ofCents(500),
                                            1,
                                            Set.of(new Slug("no-such-shelf")))),
                    ErrorCode.VALIDATION_FAILED);
        }
    }

    // ---- cart -----------------------------------------------------------------------------------------------

    @Nested
    class ShoppingCart {

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

            shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.SetTo(2));

            assertThat(shop.getCart().getCart(user.id()).items().getFirst().available())
                    .isFalse();
        }

        @Test
        void aDeactivatedCustomerCannotChangeTheirCart() {
            User user = customer();
            Product book = book("Locked", 100, 5);
            shop.adminUsers().updateUser(admin.id(), user.id(), Optional.of(false), Optional.empty());

            assertRefused(() -> add(user, book, 1), ErrorCode.USER_INACTIVE);
        }
    }

    // ---- checkout -------------------------------------------------------------------------------------------

    @Nested
    class Checkout {

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
            assertThat(result.order().items())
                    .extracting(i -> i.quantity().value())
                    .containsExactly(2, 1);
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
                                    Optional.of(Money.ofCents(9999)),
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
            assertThat(shop.listMyOrders()
                            .listMyOrders(user.id(), PageRequest.first())
                            .total())
                    .isZero();
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
            shop.adminUsers().updateUser(admin.id(), user.id(), Optional.of(false), Optional.empty());

            assertRefused(() -> checkout(user), ErrorCode.USER_INACTIVE);
        }

        @Test
        void repeatingAnIdempotencyKeyReplaysTheFirstOrderWithoutASecondChargeOrStockMove() {
            User user = customer();
            Product book = book("Once", 100, 10);
            add(user, book, 2);
            Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("checkout-" + UUID.randomUUID()));

            CheckoutResult first = shop.checkout().checkout(user.id(), key);
            CheckoutResult again = shop.checkout().checkout(user.id(), key);

            assertThat(again.replayed()).isTrue();
            assertThat(again.order().id()).isEqualTo(first.order().id());
            assertThat(again.order().status()).isEqualTo(OrderStatus.PAID);
            assertThat(stockOf(book)).isEqualTo(8);
            assertThat(payments.starts()).hasSize(1);
            assertThat(shop.listMyOrders()
                            .listMyOrders(user.id(), PageRequest.first())
                            .total())
                    .isEqualTo(1);
        }

        @Test
        void theSameKeyWithADifferentCartIsRefused() {
            User user = customer();
            Product book = book("Key reuse", 100, 10);
            add(user, book, 1);
            Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("k-" + UUID.randomUUID()));
            shop.checkout().checkout(user.id(), key);
            add(user, book, 3);

            assertRefused(() -> shop.checkout().checkout(user.id(), key), ErrorCode.IDEMPOTENCY_KEY_REUSED);
            assertThat(stockOf(book)).isEqualTo(9);
        }

        @Test
        void keysBelongToOneCustomer() {
            User one = customer();
            User two = customer();
            Product book = book("Two buyers", 100, 10);
            IdempotencyKey shared = new IdempotencyKey("same-key-" + UUID.randomUUID());
            add(one, book, 1);
            add(two, book, 1);

            Order first =
                    shop.checkout().checkout(one.id(), Optional.of(shared)).order();
            Order second =
                    shop.checkout().checkout(two.id(), Optional.of(shared)).order();

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

            Order order = shop.listMyOrders()
                    .listMyOrders(user.id(), PageRequest.first())
                    .items()
                    .getFirst();
            assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
            assertThat(stockOf(book)).isEqualTo(4);
        }

        @Test
        void aRetryOfACheckoutThatCouldNotReachTheProviderGetsTheSameAnswer() {
            User user = customer();
            Product book = book("Provider down twice", 100, 4);
            add(user, book, 1);
            Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("retry-" + UUID.randomUUID()));
            payments.answer(ScriptedPaymentGateway.Mode.DOWN);

            assertRefused(() -> shop.checkout().checkout(user.id(), key), ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);
            payments.answer(ScriptedPaymentGateway.Mode.APPROVE);
            assertRefused(() -> shop.checkout().checkout(user.id(), key), ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);

            assertThat(shop.listMyOrders()
                            .listMyOrders(user.id(), PageRequest.first())
                            .total())
                    .isEqualTo(1);
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
            assertThat(shop.listMyOrders()
                            .listMyOrders(user.id(), PageRequest.first())
                            .total())
                    .isEqualTo(1);
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

    // ---- payment outcomes and expiry ------------------------------------------------------------------------

    @Nested
    class PaymentOutcomes {

        private User user;
        private Product book;
        private Order pending;

        @BeforeEach
        void placePendingOrder() {
            user = customer();
            book = book("Awaiting", 1500, 5);
            add(user, book, 2);
            payments.answer(ScriptedPaymentGateway.Mode.AWAIT_CUSTOMER);
            pending = orderOf(checkout(user));
        }

        @Test
        void successPaysTheOrderOnceAndQueuesOneMail() {
            PaymentEvent succeeded = event(
                    PaymentEvent.Type.SUCCEEDED,
                    pending,
                    pending.paymentReference().orElseThrow());

            shop.handlePaymentEvent().handle(succeeded);
            shop.handlePaymentEvent().handle(succeeded);

            Order paid = store.orders().findById(pending.id()).orElseThrow();
            assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
            assertThat(paid.paidAt()).contains(clock.instant());
            assertThat(shop.deliverMail().deliverDueMail()).isEqualTo(1);
            assertThat(mailer.sent()).hasSize(1);
        }

        @Test
        void failureFailsTheOrderAndReturnsStockExactlyOnce() {
            String reference = pending.paymentReference().orElseThrow();

            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.FAILED, pending, reference));
            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.CANCELED, pending, reference));

            assertThat(store.orders().findById(pending.id()).orElseThrow().status())
                    .isEqualTo(OrderStatus.FAILED);
            assertThat(stockOf(book)).isEqualTo(5);
        }

        @Test
        void aFailureAfterPaymentChangesNothing() {
            String reference = pending.paymentReference().orElseThrow();
            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.SUCCEEDED, pending, reference));

            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.FAILED, pending, reference));

            assertThat(store.orders().findById(pending.id()).orElseThrow().status())
                    .isEqualTo(OrderStatus.PAID);
            assertThat(stockOf(book)).isEqualTo(3);
        }

        @Test
        void anEventThatBeatsTheStoredReferenceIsMatchedByOrderId() {
            PaymentEvent early = new PaymentEvent(
                    "scripted",
                    "evt_" + UUID.randomUUID(),
                    PaymentEvent.Type.SUCCEEDED,
                    "pi_not_yet_stored",
                    Optional.of(pending.id()),
                    pending.total(),
                    EUR);

            shop.handlePaymentEvent().handle(early);

            assertThat(store.orders().findById(pending.id()).orElseThrow().status())
                    .isEqualTo(OrderStatus.PAID);
        }

        @Test
        void aSuccessForTheWrongAmountOrCurrencyIsNotHonoured() {
            String reference = pending.paymentReference().orElseThrow();
            shop.handlePaymentEvent()
                    .handle(new PaymentEvent(
                            "scripted",
                            "evt_" + UUID.randomUUID(),
                            PaymentEvent.Type.SUCCEEDED,
                            reference,
                            Optional.of(pending.id()),
                            Money.ofCents(1),
                            EUR));
            shop.handlePaymentEvent()
                    .handle(new PaymentEvent(
                            "scripted",
                            "evt_" + UUID.randomUUID(),
                            PaymentEvent.Type.SUCCEEDED,
                            reference,
                            Optional.of(pending.id()),
                            pending.total(),
                            Currency.getInstance("USD")));

            assertThat(store.orders().findById(pending.id()).orElseThrow().status())
                    .isEqualTo(OrderStatus.PENDING);
            assertThat(store.orderEvents().findByOrder(pending.id()))
                    .extracting(e -> e.type())
                    .contains(OrderEventType.AMOUNT_MISMATCH);
        }

        @Test
        void eventsForUnknownOrdersAndOtherTypesChangeNothing() {
            shop.handlePaymentEvent()
                    .handle(new PaymentEvent(
                            "scripted",
                            "evt_" + UUID.randomUUID(),
                            PaymentEvent.Type.SUCCEEDED,
                            "pi_unknown",
                            Optional.empty(),
                            Money.ofCents(100),
                            EUR));
            shop.handlePaymentEvent()
                    .handle(event(
                            PaymentEvent.Type.OTHER,
                            pending,
                            pending.paymentReference().orElseThrow()));

            assertThat(store.orders().findById(pending.id()).orElseThrow().status())
                    .isEqualTo(OrderStatus.PENDING);
        }

        @Test
        void overdueOrdersExpireOnceAndGiveTheirStockBack() {
            clock.advance(PAYMENT_TIMEOUT.minusSeconds(1));
            assertThat(shop.expirePendingOrders().expireOverdueOrders()).isZero();

            clock.advance(Duration.ofSeconds(2));
            assertThat(shop.expirePendingOrders().expireOverdueOrders()).isEqualTo(1);
            assertThat(shop.expirePendingOrders().expireOverdueOrders()).isZero();

            assertThat(store.orders().findById(pending.id()).orElseThrow().status())
                    .isEqualTo(OrderStatus.FAILED);
            assertThat(stockOf(book)).isEqualTo(5);
        }

        @Test
        void aPaymentThatArrivesAfterExpiryIsRefundedAndRecorded() {
            clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));
            shop.expirePendingOrders().expireOverdueOrders();
            String reference = pending.paymentReference().orElseThrow();

            shop.handlePaymentEvent().handle(event(PaymentEvent.Type.SUCCEEDED, pending, reference));

            assertThat(store.orders().findById(pending.id()).orElseThrow().status())
                    .isEqualTo(OrderStatus.FAILED);
            assertThat(payments.refunds()).containsExactly(reference);
            assertThat(store.orderEvents().findByOrder(pending.id()))
                    .extracting(e -> e.type())
                    .contains(OrderEventType.EXPIRED, OrderEventType.PAYMENT_AFTER_EXPIRY, OrderEventType.REFUNDED);
            assertThat(stockOf(book)).isEqualTo(5);
        }

        @Test
        void aRefundTheProviderRefusesIsRetriedByTheRedeliveryAndMadeOnce() {
            clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));
            shop.expirePendingOrders().expireOverdueOrders();
            PaymentEvent late = event(
                    PaymentEvent.Type.SUCCEEDED,
                    pending,
                    pending.paymentReference().orElseThrow());
            payments.answer(ScriptedPaymentGateway.Mode.DOWN);

            assertRefused(() -> shop.handlePaymentEvent().handle(late), ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);
            assertThat(store.processedEvents().isProcessed(late.provider(), late.eventId()))
                    .isFalse();

            payments.answer(ScriptedPaymentGateway.Mode.APPROVE);
            shop.handlePaymentEvent().handle(late);
            shop.handlePaymentEvent().handle(late);

            assertThat(payments.refunds()).hasSize(1);
            assertThat(store.orderEvents().findByOrder(pending.id()))
                    .extracting(e -> e.type())
                    .containsSubsequence(OrderEventType.REFUND_FAILED, OrderEventType.REFUNDED)
                    .containsOnlyOnce(OrderEventType.REFUNDED);
            assertThat(store.orders().findById(pending.id()).orElseThrow().status())
                    .isEqualTo(OrderStatus.FAILED);
        }

        @Test
        void concurrentSweepsExpireEachOrderOnce() throws Exception {
            clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));

            List<Integer> expired = race(List.<Callable<Integer>>of(
                    () -> shop.expirePendingOrders().expireOverdueOrders(),
                    () -> shop.expirePendingOrders().expireOverdueOrders(),
                    () -> shop.expirePendingOrders().expireOverdueOrders(),
                    () -> shop.expirePendingOrders().expireOverdueOrders()));

            assertThat(expired.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
            assertThat(stockOf(book)).isEqualTo(5);
        }
    }

    // ---- mail -----------------------------------------------------------------------------------------------

    @Nested
    class Mail {

        @Test
        void aMailServerOutageDelaysTheConfirmationButNeverLosesOrRepeatsIt() {
            User user = customer();
            add(user, book("Mailed", 100, 3), 1);
            mailer.down(true);

            assertThat(checkout(user).order().status()).isEqualTo(OrderStatus.PAID);
            assertThat(shop.deliverMail().deliverDueMail()).isZero();

            mailer.down(false);
            assertThat(shop.deliverMail().deliverDueMail()).isZero();
            clock.advance(Duration.ofMinutes(1));
            assertThat(shop.deliverMail().deliverDueMail()).isEqualTo(1);
            clock.advance(Duration.ofHours(2));
            assertThat(shop.deliverMail().deliverDueMail()).isZero();
            assertThat(mailer.sent()).hasSize(1);
        }
    }

    // ---- orders ---------------------------------------------------------------------------------------------

    @Nested
    class Orders {

        @Test
        void customersSeeTheirOwnOrdersNewestFirstAndNobodyElses() {
            User user = customer();
            User other = customer();
            Product book = book("History", 100, 10);
            add(user, book, 1);
            Order older = checkout(user).order();
            clock.advance(Duration.ofMinutes(1));
            add(user, book, 1);
            Order newer = checkout(user).order();

            assertThat(shop.listMyOrders()
                            .listMyOrders(user.id(), PageRequest.first())
                            .items())
                    .extracting(Order::id)
                    .containsExactly(newer.id(), older.id());
            assertThat(shop.listMyOrders()
                            .listMyOrders(other.id(), PageRequest.first())
                            .items())
                    .isEmpty();
            assertRefused(() -> shop.getMyOrder().getMyOrder(other.id(), older.id()), ErrorCode.ORDER_NOT_FOUND);
        }
    }

    // ---- administration -------------------------------------------------------------------------------------

    @Nested
    class Administration {

        @Test
        void customersAreNotAdmins() {
            User user = customer();

            assertRefused(() -> shop.adminUsers().listUsers(user.id(), PageRequest.first()), ErrorCode.NOT_ADMIN);
            assertRefused(() -> shop.adminCatalog().createCategory(user.id(), "Sneaky"), ErrorCode.NOT_ADMIN);
            assertRefused(
                    () -> shop.adminOrders()
                            .listOrders(
                                    user.id(), new OrderQuery(Optional.empty(), Optional.empty(), PageRequest.first())),
                    ErrorCode.NOT_ADMIN);
        }

        @Test
        void stockCanBeSetOrMovedButNeverBelowZero() {
            Product book = book("Stock", 100, 5);

            assertThat(shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.SetTo(8)))
                    .isEqualTo(8);
            assertThat(shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.MoveBy(-3)))
                    .isEqualTo(5);
            assertRefused(
                    () -> shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.MoveBy(-6)),
                    ErrorCode.INSUFFICIENT_STOCK);
            assertRefused(
                    () -> shop.adminCatalog().changeStock(admin.id(), book.id(), new StockChange.SetTo(-1)),
                    ErrorCode.VALIDATION_FAILED);
            assertRefused(
                    () -> shop.adminCatalog()
                            .changeStock(admin.id(), book.id(), new StockChange.MoveBy(Integer.MAX_VALUE)),
                    ErrorCode.VALIDATION_FAILED);
            assertRefused(
                    () -> shop.adminCatalog()
                            .changeStock(admin.id(), new ProductId(UUID.randomUUID()), new StockChange.SetTo(1)),
                    ErrorCode.PRODUCT_NOT_FOUND);
            assertThat(stockOf(book)).isEqualTo(5);
        }

        @Test
        void updatingABookChangesOnlyWhatWasGiven() {
            Product book = book("Before", 100, 5);

            Product updated = shop.adminCatalog()
                    .updateProduct(
                            admin.id(),
                            book.id(),
                            new ProductChanges(
                                    Optional.empty(),
                                    Optional.of("New Author"),
                                    Optional.of(Optional.of("New Series")),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.of(7),
                                    Optional.empty(),
                                    Optional.empty()));

            assertThat(updated.title()).isEqualTo(book.title());
            assertThat(updated.details().author()).isEqualTo("New Author");
            assertThat(updated.details().series()).contains("New Series");
            assertThat(updated.price()).isEqualTo(book.price());
            assertThat(updated.stock()).isEqualTo(7);
            assertThat(updated.slug()).isEqualTo(book.slug());
        }

        @Test
        void deactivatingAUserEndsTheirSessionsAndKeepsTheirOrders() {
            User user = customer();
            add(user, book("Kept", 100, 5), 1);
            Order order = checkout(user).order();
            Session session = shop.logIn().logIn(user.email().value(), PASSWORD);

            User deactivated =
                    shop.adminUsers().updateUser(admin.id(), user.id(), Optional.of(false), Optional.empty());

            assertThat(deactivated.active()).isFalse();
            assertRefused(() -> shop.refreshSession().refresh(session.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
            assertThat(store.orders().findById(order.id())).isPresent();
            assertThat(shop.adminOrders()
                            .listOrders(
                                    admin.id(),
                                    new OrderQuery(Optional.empty(), Optional.of(user.id()), PageRequest.first()))
                            .items())
                    .singleElement()
                    .satisfies(o -> assertThat(o.customerEmail()).isEqualTo(user.email()));
        }

        @Test
        void theLastActiveAdminCannotBeDemotedOrDeactivated() {
            assertRefused(
                    () -> shop.adminUsers()
                            .updateUser(admin.id(), admin.id(), Optional.empty(), Optional.of(Role.USER)),
                    ErrorCode.LAST_ADMIN);
            assertRefused(
                    () -> shop.adminUsers().updateUser(admin.id(), admin.id(), Optional.of(false), Optional.empty()),
                    ErrorCode.LAST_ADMIN);

            User second = customer();
            shop.adminUsers().updateUser(admin.id(), second.id(), Optional.empty(), Optional.of(Role.ADMIN));
            assertThat(shop.adminUsers()
                            .updateUser(second.id(), admin.id(), Optional.empty(), Optional.of(Role.USER))
                            .role())
                    .isEqualTo(Role.USER);
            assertRefused(() -> shop.adminUsers().listUsers(admin.id(), PageRequest.first()), ErrorCode.NOT_ADMIN);
        }
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
