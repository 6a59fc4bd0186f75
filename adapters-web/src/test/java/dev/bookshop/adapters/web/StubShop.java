package dev.bookshop.adapters.web;

import dev.bookshop.adapters.password.BcryptPasswordHasher;
import dev.bookshop.application.account.port.in.AccountExport;
import dev.bookshop.application.account.port.in.AdminUsersUseCase;
import dev.bookshop.application.account.port.in.ChangePasswordUseCase;
import dev.bookshop.application.account.port.in.EnsureAdminUseCase;
import dev.bookshop.application.account.port.in.EraseAccountUseCase;
import dev.bookshop.application.account.port.in.ExportAccountDataUseCase;
import dev.bookshop.application.account.port.in.GetCurrentUserUseCase;
import dev.bookshop.application.account.port.in.LogInUseCase;
import dev.bookshop.application.account.port.in.LogOutUseCase;
import dev.bookshop.application.account.port.in.ManageSessionsUseCase;
import dev.bookshop.application.account.port.in.RefreshSessionUseCase;
import dev.bookshop.application.account.port.in.Session;
import dev.bookshop.application.account.port.in.SignUpUseCase;
import dev.bookshop.application.address.port.in.AddAddressUseCase;
import dev.bookshop.application.address.port.in.ChangeAddressUseCase;
import dev.bookshop.application.address.port.in.ListAddressesUseCase;
import dev.bookshop.application.address.port.in.RemoveAddressUseCase;
import dev.bookshop.application.cart.port.in.AddToCartUseCase;
import dev.bookshop.application.cart.port.in.CartView;
import dev.bookshop.application.cart.port.in.GetCartUseCase;
import dev.bookshop.application.cart.port.in.GuestCartUseCase;
import dev.bookshop.application.cart.port.in.MergeGuestCartUseCase;
import dev.bookshop.application.cart.port.in.NewGuestCart;
import dev.bookshop.application.cart.port.in.RemoveFromCartUseCase;
import dev.bookshop.application.cart.port.in.SetCartQuantityUseCase;
import dev.bookshop.application.catalog.port.in.AdminCatalogUseCase;
import dev.bookshop.application.catalog.port.in.BrowseProductsUseCase;
import dev.bookshop.application.catalog.port.in.ExpectedVersion;
import dev.bookshop.application.catalog.port.in.GetProductUseCase;
import dev.bookshop.application.catalog.port.in.ListCategoriesUseCase;
import dev.bookshop.application.catalog.port.in.NewProduct;
import dev.bookshop.application.catalog.port.in.ProductChanges;
import dev.bookshop.application.catalog.port.in.SearchProductsUseCase;
import dev.bookshop.application.catalog.port.in.StockChange;
import dev.bookshop.application.catalog.query.ProductPage;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.housekeeping.port.in.PurgeReport;
import dev.bookshop.application.mail.port.in.DeliverMailUseCase;
import dev.bookshop.application.order.port.in.AdminOrdersUseCase;
import dev.bookshop.application.order.port.in.CheckoutRequest;
import dev.bookshop.application.order.port.in.CheckoutResult;
import dev.bookshop.application.order.port.in.CheckoutUseCase;
import dev.bookshop.application.order.port.in.ExpirePendingOrdersUseCase;
import dev.bookshop.application.order.port.in.GetMyOrderUseCase;
import dev.bookshop.application.order.port.in.ListMyOrdersUseCase;
import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.order.query.OrderWithCustomer;
import dev.bookshop.application.payment.port.in.HandlePaymentEventUseCase;
import dev.bookshop.application.payment.port.in.PaymentEvent;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.application.shipping.port.in.AdminShippingUseCase;
import dev.bookshop.application.shipping.port.in.AdminTaxRatesUseCase;
import dev.bookshop.application.shipping.port.in.ListShippingMethodsUseCase;
import dev.bookshop.application.shipping.port.in.NewShippingMethod;
import dev.bookshop.application.shipping.port.in.ShippingMethodChanges;
import dev.bookshop.domain.address.AddressBook;
import dev.bookshop.domain.address.AddressBookFullException;
import dev.bookshop.domain.address.AddressChanges;
import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.AddressNotFoundException;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.auth.InvalidRefreshTokenException;
import dev.bookshop.domain.auth.SessionNotFoundException;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.auth.UserSession;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.cart.CartMergeReport;
import dev.bookshop.domain.cart.CartTokenInvalidException;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.CategoryId;
import dev.bookshop.domain.catalog.CategoryNotFoundException;
import dev.bookshop.domain.catalog.CategorySlugTakenException;
import dev.bookshop.domain.catalog.InsufficientStockException;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductChangedException;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.catalog.StockLevel;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.order.CartEmptyException;
import dev.bookshop.domain.order.CheckoutQuote;
import dev.bookshop.domain.order.DiscountInvalidException;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.order.OrderNotFoundException;
import dev.bookshop.domain.shipping.ShippingChoice;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import dev.bookshop.domain.shipping.ShippingMethodNotFoundException;
import dev.bookshop.domain.tax.CountryTaxRate;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.EmailTakenException;
import dev.bookshop.domain.user.InvalidCredentialsException;
import dev.bookshop.domain.user.NotAdminException;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import dev.bookshop.domain.user.UserNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small, hand-written shop behind every inbound port, for testing the HTTP adapter alone: real domain objects in
 * maps, no transactions, the fake payment provider's behaviour, and a switch that makes the next use case call fail
 * with a chosen exception.
 */
final class StubShop
        implements SignUpUseCase,
                LogInUseCase,
                RefreshSessionUseCase,
                LogOutUseCase,
                GetCurrentUserUseCase,
                ChangePasswordUseCase,
                BrowseProductsUseCase,
                SearchProductsUseCase,
                GetProductUseCase,
                ListCategoriesUseCase,
                GetCartUseCase,
                AddToCartUseCase,
                RemoveFromCartUseCase,
                CheckoutUseCase,
                ListMyOrdersUseCase,
                GetMyOrderUseCase,
                HandlePaymentEventUseCase,
                ExpirePendingOrdersUseCase,
                DeliverMailUseCase,
                AdminCatalogUseCase,
                AdminOrdersUseCase,
                AdminUsersUseCase,
                EnsureAdminUseCase,
                ManageSessionsUseCase,
                ExportAccountDataUseCase,
                EraseAccountUseCase,
                dev.bookshop.application.catalog.port.in.CatalogueFacetsUseCase,
                dev.bookshop.application.catalog.port.in.SuggestBooksUseCase,
                ListAddressesUseCase,
                AddAddressUseCase,
                ChangeAddressUseCase,
                RemoveAddressUseCase,
                SetCartQuantityUseCase {

    static final Currency EUR = Currency.getInstance("EUR");

    private final Clock clock = Clock.systemUTC();
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);
    private final Map<UserId, User> users = new ConcurrentHashMap<>();
    private final Map<String, UserId> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, TokenFamilyId> tokenFamilies = new ConcurrentHashMap<>();
    private final Map<TokenFamilyId, UserId> sessionOwners = new ConcurrentHashMap<>();
    private final Map<TokenFamilyId, UserSession> sessions = new ConcurrentHashMap<>();
    private final Map<ProductId, Product> products = new ConcurrentHashMap<>();
    private final List<Category> categories = new ArrayList<>();
    private final Map<UserId, Cart> carts = new ConcurrentHashMap<>();
    private final Map<OrderId, Order> orders = new ConcurrentHashMap<>();
    private final Map<AddressId, SavedAddress> addresses =
            new java.util.concurrent.ConcurrentSkipListMap<>(Comparator.comparing(AddressId::value));
    private final Map<String, CheckoutResult> checkoutsByKey = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();

    /** The last queries the shop was asked, so tests can check how the adapter read the query string. */
    volatile ProductQuery lastProductQuery;

    volatile OrderQuery lastOrderQuery;

    /**
     * Guest carts: started, but no token is ever honoured, and a merge finds nothing; the API tests in bootstrap
     * cover them over the real services.
     */
    private final StubGuestCarts guests = new StubGuestCarts();

    private static final class StubGuestCarts implements GuestCartUseCase, MergeGuestCartUseCase {

        @Override
        public NewGuestCart startGuestCart() {
            return new NewGuestCart(
                    UUID.randomUUID().toString(), new CartView(List.of(), Money.ZERO, EUR, Optional.empty()));
        }

        @Override
        public CartView guestCart(String cartToken) {
            throw new CartTokenInvalidException();
        }

        @Override
        public CartView addToGuestCart(String cartToken, ProductId productId, Quantity quantity) {
            throw new CartTokenInvalidException();
        }

        @Override
        public CartView removeFromGuestCart(String cartToken, ProductId productId, Optional<Quantity> quantity) {
            throw new CartTokenInvalidException();
        }

        @Override
        public CartView setGuestCartQuantity(String cartToken, ProductId productId, int quantity) {
            throw new CartTokenInvalidException();
        }

        @Override
        public CartMergeReport mergeGuestCart(UserId userId, String cartToken) {
            return CartMergeReport.nothing();
        }
    }

    /** Shipping and tax: nothing stored, which is all the web adapter's own tests need of them. */
    private final StubShipping shipping = new StubShipping();

    private static final class StubShipping
            implements AdminShippingUseCase, ListShippingMethodsUseCase, AdminTaxRatesUseCase {

        @Override
        public List<ShippingMethod> listShippingMethods(UserId actor) {
            return List.of();
        }

        @Override
        public ShippingMethod createShippingMethod(UserId actor, NewShippingMethod method) {
            return ShippingMethod.create(
                    ShippingMethodId.of(UUID.randomUUID()),
                    method.name(),
                    method.countries(),
                    method.price(),
                    method.freeOver());
        }

        @Override
        public ShippingMethod updateShippingMethod(UserId actor, ShippingMethodId id, ShippingMethodChanges changes) {
            throw new ShippingMethodNotFoundException(id);
        }

        @Override
        public List<ShippingMethod> shippingMethodsFor(CountryCode country) {
            return List.of();
        }

        @Override
        public List<CountryTaxRate> listTaxRates(UserId actor) {
            return List.of();
        }

        @Override
        public CountryTaxRate setTaxRate(UserId actor, CountryCode country, TaxRate rate) {
            return new CountryTaxRate(country, rate);
        }
    }

    UseCases useCases() {
        return new UseCases(
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                this,
                // The web adapter never purges: only the background job does.
                () -> new PurgeReport(List.of()),
                this,
                this,
                this,
                this,
                this,
                // Account recovery: no mail leaves the stub, so no token it could accept exists.
                email -> {},
                (token, password) -> {
                    throw new dev.bookshop.domain.auth.InvalidTokenException();
                },
                token -> {
                    throw new dev.bookshop.domain.auth.InvalidTokenException();
                },
                userId -> currentUser(userId).requireUnverifiedEmail(),
                (userId, newEmail, password) -> {
                    if (!hasher.matches(
                            Password.offered(password), currentUser(userId).passwordHash())) {
                        throw new dev.bookshop.domain.user.InvalidCredentialsException();
                    }
                },
                this,
                this,
                this,
                this,
                shipping,
                shipping,
                shipping,
                this::quote,
                this,
                guests,
                guests,
                discounts,
                discounts,
                discounts);
    }

    private final StubDiscounts discounts = new StubDiscounts();

    /** No codes: the admin's list is empty, creating one answers it, and every cart refuses every code. */
    private static final class StubDiscounts
            implements dev.bookshop.application.discount.port.in.AdminDiscountsUseCase,
                    dev.bookshop.application.cart.port.in.CartDiscountUseCase,
                    dev.bookshop.application.cart.port.in.GuestCartDiscountUseCase {

        @Override
        public List<dev.bookshop.domain.discount.DiscountCode> listDiscounts(UserId actor) {
            return List.of();
        }

        @Override
        public dev.bookshop.domain.discount.DiscountCode createDiscount(
                UserId actor, dev.bookshop.application.discount.port.in.DiscountDefinition d) {
            return dev.bookshop.domain.discount.DiscountCode.create(
                    dev.bookshop.domain.discount.DiscountCodeId.of(UUID.randomUUID()),
                    new dev.bookshop.domain.discount.DiscountTerms(
                            d.code().orElse("STUB"),
                            dev.bookshop.domain.discount.DiscountKind.valueOf(
                                    d.kind().orElse("PERCENT")),
                            d.value().orElse(10L),
                            d.minSubtotal().orElse(Optional.empty()),
                            d.startsAt().orElse(Optional.empty()),
                            d.endsAt().orElse(Optional.empty()),
                            d.maxRedemptions().orElse(Optional.empty()),
                            d.maxPerCustomer().orElse(Optional.empty()),
                            d.active().orElse(true)),
                    java.time.Instant.EPOCH);
        }

        @Override
        public dev.bookshop.domain.discount.DiscountCode updateDiscount(
                UserId actor,
                dev.bookshop.domain.discount.DiscountCodeId id,
                dev.bookshop.application.discount.port.in.DiscountDefinition changes) {
            throw new dev.bookshop.domain.discount.DiscountCodeNotFoundException(id);
        }

        @Override
        public CartView applyDiscount(UserId userId, String code) {
            throw new dev.bookshop.domain.order.DiscountInvalidException(
                    dev.bookshop.domain.order.DiscountInvalidException.UNKNOWN);
        }

        @Override
        public CartView removeDiscount(UserId userId) {
            return new CartView(List.of(), Money.ZERO, EUR, Optional.empty());
        }

        @Override
        public CartView applyGuestDiscount(String cartToken, String code) {
            throw new CartTokenInvalidException();
        }

        @Override
        public CartView removeGuestDiscount(String cartToken) {
            throw new CartTokenInvalidException();
        }
    }

    /** The next use case call throws this instead of answering. */
    void failNextCallWith(RuntimeException failure) {
        nextFailure.set(failure);
    }

    User addUser(String email, String password, Role role) {
        User user = User.rehydrate(
                UserId.of(UUID.randomUUID()),
                Email.of(email),
                hasher.hash(Password.chosen(password)),
                role,
                true,
                clock.instant(),
                false);
        users.put(user.id(), user);
        return user;
    }

    Product addProduct(String title, long priceCents, int stock) {
        ProductId id = ProductId.of(UUID.randomUUID());
        Product product = Product.create(
                id,
                Slug.fromText(title),
                new BookDetails(title, "Some Author", Optional.of("Some Series"), Optional.empty(), Optional.empty()),
                Price.ofCents(priceCents),
                Stock.of(stock),
                categories.isEmpty() ? List.of() : List.of(categories.getFirst()),
                clock.instant());
        products.put(id, product);
        return product;
    }

    Category addCategory(String name) {
        Category category = Category.create(CategoryId.of(UUID.randomUUID()), name);
        categories.add(category);
        return category;
    }

    void deactivate(ProductId id) {
        products.computeIfPresent(id, (k, p) -> p.activated(false, clock.instant()));
    }

    private void maybeFail() {
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
    }

    // --- auth

    @Override
    public User signUp(Email email, Password password) {
        maybeFail();
        if (users.values().stream().anyMatch(u -> u.email().equals(email))) {
            throw new EmailTakenException();
        }
        User user = User.signUp(UserId.of(UUID.randomUUID()), email, hasher.hash(password), clock.instant());
        users.put(user.id(), user);
        return user;
    }

    @Override
    public Session logIn(String email, String password, String userAgent) {
        maybeFail();
        User user = users.values().stream()
                .filter(u -> u.email().value().equals(email.strip().toLowerCase(java.util.Locale.ROOT)))
                .filter(User::active)
                .filter(u -> hasher.matches(Password.offered(password), u.passwordHash()))
                .findFirst()
                .orElseThrow(InvalidCredentialsException::new);
        TokenFamilyId family = TokenFamilyId.of(UUID.randomUUID());
        sessionOwners.put(family, user.id());
        sessions.put(family, new UserSession(family, clock.instant(), clock.instant(), userAgent));
        return newSession(user, family);
    }

    @Override
    public Session refresh(String refreshToken) {
        maybeFail();
        UserId userId = refreshTokens.remove(refreshToken);
        TokenFamilyId family = tokenFamilies.remove(refreshToken);
        if (userId == null || !sessions.containsKey(family)) {
            throw new InvalidRefreshTokenException("unknown");
        }
        sessions.computeIfPresent(family, (k, s) -> new UserSession(k, s.createdAt(), clock.instant(), s.userAgent()));
        return newSession(users.get(userId), family);
    }

    private Session newSession(User user, TokenFamilyId family) {
        String token = UUID.randomUUID().toString();
        refreshTokens.put(token, user.id());
        tokenFamilies.put(token, family);
        return new Session(user, token, clock.instant().plus(Duration.ofDays(30)), family);
    }

    // --- the account holder's sessions and data

    @Override
    public List<UserSession> listSessions(UserId userId) {
        maybeFail();
        return sessions.values().stream()
                .filter(s -> userId.equals(sessionOwners.get(s.id())))
                .sorted(Comparator.comparing(UserSession::createdAt))
                .toList();
    }

    @Override
    public void revokeSession(UserId userId, TokenFamilyId sessionId) {
        maybeFail();
        if (!userId.equals(sessionOwners.get(sessionId)) || sessions.remove(sessionId) == null) {
            throw new SessionNotFoundException(sessionId);
        }
    }

    @Override
    public AccountExport exportAccount(UserId userId) {
        maybeFail();
        List<Order> own = orders.values().stream()
                .filter(o -> o.belongsTo(userId))
                .sorted(Comparator.comparing(Order::createdAt).reversed())
                .toList();
        return new AccountExport(user(userId), listAddresses(userId), own, listSessions(userId), clock.instant());
    }

    @Override
    public void eraseAccount(UserId userId, String password) {
        maybeFail();
        User user = user(userId);
        if (!hasher.matches(Password.offered(password), user.passwordHash())) {
            throw new InvalidCredentialsException();
        }
        List<UserId> admins = users.values().stream()
                .filter(User::isActiveAdmin)
                .map(User::id)
                .toList();
        users.put(userId, user.erase(admins));
        sessionOwners.entrySet().removeIf(e -> e.getValue().equals(userId) && sessions.remove(e.getKey()) != null);
        carts.remove(userId);
    }

    @Override
    public void logOut(String refreshToken) {
        maybeFail();
        refreshTokens.remove(refreshToken);
    }

    @Override
    public User currentUser(UserId userId) {
        maybeFail();
        return user(userId);
    }

    @Override
    public void changePassword(UserId userId, String currentPassword, Password newPassword) {
        maybeFail();
        User user = user(userId);
        if (!hasher.matches(Password.offered(currentPassword), user.passwordHash())) {
            throw new InvalidCredentialsException();
        }
        users.put(userId, user.withPassword(hasher.hash(newPassword)));
    }

    @Override
    public List<SavedAddress> listAddresses(UserId userId) {
        maybeFail();
        return addresses.values().stream()
                .filter(a -> a.belongsTo(userId))
                .sorted(Comparator.comparing(SavedAddress::createdAt))
                .toList();
    }

    @Override
    public SavedAddress addAddress(UserId userId, PostalAddress address) {
        maybeFail();
        user(userId).requireActive();
        if (listAddresses(userId).size() >= AddressBook.MAX_ADDRESSES) {
            throw new AddressBookFullException(AddressBook.MAX_ADDRESSES);
        }
        SavedAddress saved = new SavedAddress(AddressId.of(UUID.randomUUID()), userId, address, clock.instant());
        addresses.put(saved.id(), saved);
        return saved;
    }

    @Override
    public SavedAddress changeAddress(UserId userId, AddressId addressId, AddressChanges changes) {
        maybeFail();
        user(userId).requireActive();
        SavedAddress current = ownAddress(userId, addressId);
        SavedAddress changed = current.withAddress(changes.applyTo(current.address()));
        addresses.put(addressId, changed);
        return changed;
    }

    @Override
    public void removeAddress(UserId userId, AddressId addressId) {
        maybeFail();
        user(userId).requireActive();
        addresses.remove(ownAddress(userId, addressId).id());
    }

    private SavedAddress ownAddress(UserId userId, AddressId addressId) {
        SavedAddress saved = addresses.get(addressId);
        if (saved == null || !saved.belongsTo(userId)) {
            throw new AddressNotFoundException(addressId);
        }
        return saved;
    }

    private User user(UserId userId) {
        User user = users.get(userId);
        if (user == null) {
            throw new UserNotFoundException(userId);
        }
        return user;
    }

    // --- catalogue

    @Override
    public ProductPage browse(ProductQuery query, Optional<String> cursor) {
        return shopPage(browsePage(query));
    }

    @Override
    public ProductPage search(String text, PageRequest page, Optional<String> cursor) {
        return shopPage(searchPage(text, page));
    }

    private static ProductPage shopPage(Page<Product> page) {
        return new ProductPage(
                page.items(), OptionalInt.of(page.page()), page.size(), page.total(), true, Optional.empty());
    }

    private Page<Product> browsePage(ProductQuery query) {
        maybeFail();
        lastProductQuery = query;
        return Page.slice(sortedProducts(query.includeInactive()), query.page());
    }

    @Override
    public dev.bookshop.application.catalog.query.CatalogueFacets facets(ProductQuery query) {
        maybeFail();
        lastProductQuery = query;
        return noFacets();
    }

    @Override
    public dev.bookshop.application.catalog.query.CatalogueFacets facetsOfSearch(String text) {
        maybeFail();
        return noFacets();
    }

    private static dev.bookshop.application.catalog.query.CatalogueFacets noFacets() {
        return new dev.bookshop.application.catalog.query.CatalogueFacets(
                List.of(),
                List.of(),
                List.of(),
                dev.bookshop.application.catalog.query.PriceBand.STANDARD.stream()
                        .map(b -> new dev.bookshop.application.catalog.query.CatalogueFacets.BandCount(b, 0))
                        .toList(),
                0,
                true);
    }

    @Override
    public List<dev.bookshop.application.catalog.query.Suggestion> suggest(String text, int limit) {
        maybeFail();
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return sortedProducts(false).stream()
                .filter(p -> p.title().toLowerCase(java.util.Locale.ROOT).startsWith(needle))
                .limit(limit)
                .map(p -> new dev.bookshop.application.catalog.query.Suggestion(
                        p.slug(), p.title(), p.details().author()))
                .toList();
    }

    private Page<Product> searchPage(String text, PageRequest page) {
        maybeFail();
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return Page.slice(
                sortedProducts(false).stream()
                        .filter(p ->
                                p.title().toLowerCase(java.util.Locale.ROOT).contains(needle))
                        .toList(),
                page);
    }

    @Override
    public Product getProduct(String idOrSlug) {
        maybeFail();
        return products.values().stream()
                .filter(Product::active)
                .filter(p ->
                        p.id().toString().equals(idOrSlug) || p.slug().value().equals(idOrSlug))
                .findFirst()
                .orElseThrow(() -> new ProductNotFoundException(idOrSlug));
    }

    @Override
    public List<Category> listCategories() {
        maybeFail();
        return categories.stream().sorted(Comparator.comparing(Category::name)).toList();
    }

    private List<Product> sortedProducts(boolean includeInactive) {
        return products.values().stream()
                .filter(p -> includeInactive || p.active())
                .sorted(Comparator.comparing(Product::title))
                .toList();
    }

    // --- cart

    @Override
    public CartView getCart(UserId userId) {
        maybeFail();
        return view(carts.get(userId));
    }

    @Override
    public CartView addToCart(UserId userId, ProductId productId, Quantity quantity) {
        maybeFail();
        Product product = products.get(productId);
        if (product == null || !product.active()) {
            throw new ProductNotFoundException(productId.toString());
        }
        Cart cart = carts.getOrDefault(userId, Cart.empty(userId, clock.instant()));
        Cart changed = cart.add(product, quantity, Quantity.MAX, clock.instant());
        carts.put(userId, changed);
        return view(changed);
    }

    @Override
    public CartView removeFromCart(UserId userId, ProductId productId, Optional<Quantity> quantity) {
        maybeFail();
        Cart cart = carts.getOrDefault(userId, Cart.empty(userId, clock.instant()));
        Cart changed = cart.remove(productId, quantity, clock.instant());
        carts.put(userId, changed);
        return view(changed);
    }

    @Override
    public CartView setCartQuantity(UserId userId, ProductId productId, int quantity) {
        maybeFail();
        Cart cart = carts.getOrDefault(userId, Cart.empty(userId, clock.instant()));
        Cart changed;
        if (quantity == 0) {
            changed = cart.remove(productId, Optional.empty(), clock.instant());
        } else {
            Product product = products.get(productId);
            if (product == null) {
                throw new ProductNotFoundException(productId.toString());
            }
            changed = cart.setQuantity(product, Quantity.of(quantity), Quantity.MAX, clock.instant());
        }
        carts.put(userId, changed);
        return view(changed);
    }

    private CartView view(Cart cart) {
        if (cart == null) {
            return new CartView(List.of(), Money.ZERO, EUR, Optional.empty());
        }
        List<CartView.Item> items = new ArrayList<>();
        Money total = Money.ZERO;
        for (CartLine line : cart.lines()) {
            Product product = products.get(line.productId());
            Money lineTotal = product.price().times(line.quantity().value());
            total = total.plus(lineTotal);
            items.add(new CartView.Item(
                    product.id(),
                    product.slug(),
                    product.title(),
                    product.price(),
                    line.quantity().value(),
                    lineTotal,
                    product.canSupply(line.quantity())));
        }
        return new CartView(items, total, EUR, Optional.of(cart.updatedAt()));
    }

    // --- checkout and orders

    /** Prices the cart as a shop without shipping and without discount codes does. */
    synchronized CheckoutQuote quote(UserId userId, CheckoutRequest request) {
        maybeFail();
        if (request.discountCode().isPresent()) {
            throw new DiscountInvalidException(DiscountInvalidException.UNKNOWN);
        }
        Cart cart = carts.getOrDefault(userId, Cart.empty(userId, clock.instant()));
        return CheckoutQuote.price(
                cart,
                products,
                ShippingChoice.choose(false, request.shippingAddress(), Optional.empty()),
                Money.ZERO,
                TaxRate.ZERO,
                EUR);
    }

    @Override
    public synchronized CheckoutResult checkout(
            UserId userId, CheckoutRequest request, Optional<IdempotencyKey> idempotencyKey) {
        maybeFail();
        if (request.discountCode().isPresent()) {
            throw new DiscountInvalidException(DiscountInvalidException.UNKNOWN);
        }
        Optional<String> key = idempotencyKey.map(k -> userId + "/" + k.value());
        if (key.isPresent() && checkoutsByKey.containsKey(key.get())) {
            CheckoutResult first = checkoutsByKey.get(key.get());
            return new CheckoutResult(first.order(), first.payment(), true);
        }
        Cart cart = carts.get(userId);
        if (cart == null || cart.isEmpty()) {
            throw new CartEmptyException();
        }
        List<OrderItem> items = new ArrayList<>();
        for (CartLine line : cart.linesInLockOrder()) {
            Product product = products.get(line.productId());
            if (product.stock() < line.quantity().value()) {
                throw InsufficientStockException.of(
                        product.id(), line.quantity().value(), product.stock());
            }
            products.put(
                    product.id(),
                    product.withStoredStock(
                            Stock.of(product.stock() - line.quantity().value())));
            items.add(new OrderItem(Optional.of(product.id()), product.title(), product.price(), line.quantity()));
        }
        Order order = Order.place(OrderId.of(UUID.randomUUID()), userId, items, EUR, clock.instant())
                .withPaymentReference("fake_" + UUID.randomUUID())
                .markPaid(clock.instant());
        orders.put(order.id(), order);
        carts.remove(userId);
        CheckoutResult result = new CheckoutResult(
                order,
                new CheckoutResult.Payment("fake", CheckoutResult.PaymentStatus.SUCCEEDED, Optional.empty()),
                false);
        key.ifPresent(k -> checkoutsByKey.put(k, result));
        return result;
    }

    @Override
    public Page<Order> listMyOrders(UserId userId, PageRequest page) {
        maybeFail();
        return Page.slice(
                orders.values().stream()
                        .filter(o -> o.belongsTo(userId))
                        .sorted(Comparator.comparing(Order::createdAt).reversed())
                        .toList(),
                page);
    }

    @Override
    public Order getMyOrder(UserId userId, OrderId orderId) {
        maybeFail();
        Order order = orders.get(orderId);
        if (order == null || !order.belongsTo(userId)) {
            throw new OrderNotFoundException(orderId);
        }
        return order;
    }

    // --- background work, not reachable over HTTP

    @Override
    public void handle(PaymentEvent event) {
        maybeFail();
    }

    @Override
    public int expireOverdueOrders() {
        return 0;
    }

    @Override
    public int deliverDueMail() {
        return 0;
    }

    @Override
    public User ensureAdmin(Email email, Password password) {
        return addUser(email.value(), password.reveal(), Role.ADMIN);
    }

    // --- admin

    private void requireAdmin(UserId actor) {
        User user = users.get(actor);
        if (user == null || !user.isActiveAdmin()) {
            throw new NotAdminException();
        }
    }

    @Override
    public Page<Product> listProducts(UserId actor, ProductQuery query) {
        maybeFail();
        requireAdmin(actor);
        lastProductQuery = query;
        return Page.slice(sortedProducts(query.includeInactive()), query.page());
    }

    @Override
    public Product createProduct(UserId actor, NewProduct product) {
        maybeFail();
        requireAdmin(actor);
        Product created = Product.create(
                ProductId.of(UUID.randomUUID()),
                Slug.fromText(product.details().title()),
                product.details(),
                product.price(),
                product.stock(),
                categoriesFor(product.categorySlugs()),
                clock.instant());
        products.put(created.id(), created);
        return created;
    }

    @Override
    public Product updateProduct(UserId actor, ProductId productId, ProductChanges changes, ExpectedVersion expected) {
        maybeFail();
        requireAdmin(actor);
        Product product = existing(productId);
        if (!expected.admits(product.version())) {
            throw new ProductChangedException(productId, product.version());
        }
        var details = product.details();
        var now = clock.instant();
        Product changed = product.edited(
                new BookDetails(
                        changes.title().orElse(details.title()),
                        changes.author().orElse(details.author()),
                        changes.series().orElse(details.series()),
                        changes.description().orElse(details.description()),
                        changes.isbn().orElse(details.isbn())),
                changes.price().orElse(Price.of(product.price())),
                changes.categorySlugs().map(this::categoriesFor).orElse(product.categories()),
                changes.active().orElse(product.active()),
                now);
        if (changes.stock().isPresent()) {
            changed = changed.withStoredStock(changes.stock().get());
        }
        products.put(productId, changed);
        return changed;
    }

    @Override
    public StockLevel changeStock(UserId actor, ProductId productId, StockChange change) {
        maybeFail();
        requireAdmin(actor);
        Product product = existing(productId);
        int stock = switch (change) {
            case StockChange.SetTo set -> set.stock().copies();
            case StockChange.MoveBy move -> product.stock() + move.delta();
        };
        if (stock < 0) {
            throw InsufficientStockException.of(productId, -stock, product.stock());
        }
        products.put(productId, product.withStoredStock(Stock.of(stock)));
        return new StockLevel(Stock.of(stock), 0);
    }

    @Override
    public void deactivateProduct(UserId actor, ProductId productId) {
        maybeFail();
        requireAdmin(actor);
        existing(productId);
        deactivate(productId);
    }

    @Override
    public Category createCategory(UserId actor, String name) {
        maybeFail();
        requireAdmin(actor);
        Category category = Category.create(CategoryId.of(UUID.randomUUID()), name);
        if (categories.stream().anyMatch(c -> c.slug().equals(category.slug()))) {
            throw new CategorySlugTakenException(category.slug().value());
        }
        categories.add(category);
        return category;
    }

    @Override
    public Page<OrderWithCustomer> listOrders(UserId actor, OrderQuery query) {
        maybeFail();
        requireAdmin(actor);
        lastOrderQuery = query;
        return Page.slice(
                orders.values().stream()
                        .filter(o -> query.status().map(s -> o.status() == s).orElse(true))
                        .filter(o -> query.userId().map(o::belongsTo).orElse(true))
                        .sorted(Comparator.comparing(Order::createdAt).reversed())
                        .map(o -> new OrderWithCustomer(o, users.get(o.userId()).email()))
                        .toList(),
                query.page());
    }

    @Override
    public Page<User> listUsers(UserId actor, PageRequest page) {
        maybeFail();
        requireAdmin(actor);
        return Page.slice(
                users.values().stream()
                        .sorted(Comparator.comparing(u -> u.email().value()))
                        .toList(),
                page);
    }

    @Override
    public User updateUser(UserId actor, UserId target, Optional<Boolean> active, Optional<Role> role) {
        maybeFail();
        requireAdmin(actor);
        User user = user(target);
        User changed = user.activated(active.orElse(user.active())).withRole(role.orElse(user.role()));
        users.put(target, changed);
        return changed;
    }

    private Product existing(ProductId productId) {
        Product product = products.get(productId);
        if (product == null) {
            throw new ProductNotFoundException(productId.toString());
        }
        return product;
    }

    private List<Category> categoriesFor(Set<Slug> slugs) {
        List<Category> found = new ArrayList<>();
        for (Slug slug : slugs) {
            found.add(categories.stream()
                    .filter(c -> c.slug().equals(slug))
                    .findFirst()
                    .orElseThrow(() -> new CategoryNotFoundException(slug.value())));
        }
        return found;
    }
}
