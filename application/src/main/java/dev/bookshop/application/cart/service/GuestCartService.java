package dev.bookshop.application.cart.service;

import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.cart.port.in.CartView;
import dev.bookshop.application.cart.port.in.GuestCartDiscountUseCase;
import dev.bookshop.application.cart.port.in.GuestCartUseCase;
import dev.bookshop.application.cart.port.in.MergeGuestCartUseCase;
import dev.bookshop.application.cart.port.in.NewGuestCart;
import dev.bookshop.application.cart.port.out.CartRepository;
import dev.bookshop.application.cart.port.out.DiscountPricing;
import dev.bookshop.application.cart.port.out.GuestCartRepository;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.application.shared.service.Actors;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.cart.CartMerge;
import dev.bookshop.domain.cart.CartMergeReport;
import dev.bookshop.domain.cart.CartTokenInvalidException;
import dev.bookshop.domain.cart.GuestCart;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Carts for shoppers not signed in, and their merge into an account. Every use locks the guest cart first, so
 * concurrent uses of one token add up exactly and a merge that deletes the cart is seen by every use behind it.
 */
public final class GuestCartService implements GuestCartUseCase, MergeGuestCartUseCase, GuestCartDiscountUseCase {

    /** Far above the tokens the shop issues (43 characters); anything longer was never one of them. */
    static final int MAX_TOKEN_LENGTH = 256;

    private final TransactionRunner transactions;
    private final GuestCartRepository guestCarts;
    private final CartRepository carts;
    private final ProductRepository products;
    private final Actors actors;
    private final CartViews views;
    private final TokenGenerator tokens;
    private final Clock clock;
    private final int maxLineQuantity;
    private final Duration lifetime;
    private final DiscountPricing discounts;

    public GuestCartService(
            TransactionRunner transactions,
            GuestCartRepository guestCarts,
            CartRepository carts,
            ProductRepository products,
            Actors actors,
            CartViews views,
            TokenGenerator tokens,
            Clock clock,
            int maxLineQuantity,
            Duration lifetime,
            DiscountPricing discounts) {
        this.discounts = Objects.requireNonNull(discounts);
        this.transactions = Objects.requireNonNull(transactions);
        this.guestCarts = Objects.requireNonNull(guestCarts);
        this.carts = Objects.requireNonNull(carts);
        this.products = Objects.requireNonNull(products);
        this.actors = Objects.requireNonNull(actors);
        this.views = Objects.requireNonNull(views);
        this.tokens = Objects.requireNonNull(tokens);
        this.clock = Objects.requireNonNull(clock);
        this.maxLineQuantity = maxLineQuantity;
        this.lifetime = Objects.requireNonNull(lifetime);
    }

    @Override
    public NewGuestCart startGuestCart() {
        String raw = tokens.newToken();
        GuestCart cart = GuestCart.start(TokenHash.of(raw), clock.instant());
        transactions.inTransaction(() -> guestCarts.insert(cart));
        return new NewGuestCart(raw, views.of(cart));
    }

    @Override
    public CartView guestCart(String cartToken) {
        return use(cartToken, (cart, now) -> cart.touched(now));
    }

    @Override
    public CartView addToGuestCart(String cartToken, ProductId productId, Quantity quantity) {
        return use(cartToken, (cart, now) -> cart.add(onSale(productId), quantity, maxLineQuantity, now));
    }

    @Override
    public CartView removeFromGuestCart(String cartToken, ProductId productId, Optional<Quantity> quantity) {
        return use(cartToken, (cart, now) -> cart.remove(productId, quantity, now));
    }

    @Override
    public CartView setGuestCartQuantity(String cartToken, ProductId productId, int quantity) {
        CartQuantity.requireValid(quantity);
        return use(
                cartToken,
                (cart, now) -> quantity == 0
                        ? cart.remove(productId, Optional.empty(), now)
                        : cart.setQuantity(onSale(productId), Quantity.of(quantity), maxLineQuantity, now));
    }

    @Override
    public CartMergeReport mergeGuestCart(UserId userId, String cartToken) {
        Optional<TokenHash> token = hashOf(cartToken);
        if (token.isEmpty()) {
            return CartMergeReport.nothing();
        }
        return transactions.inTransaction(() -> {
            actors.requireActive(userId);
            Instant now = clock.instant();
            // The guest cart before the account's, always in this order: two merges of one token for two accounts
            // then queue on the guest cart, and the second finds it gone.
            Optional<GuestCart> found = guestCarts.findForUpdate(token.get());
            if (found.isEmpty()) {
                return CartMergeReport.nothing();
            }
            GuestCart guest = found.get();
            // The guest's code comes along unless the account has applied one of its own; the account's limits are
            // checked whenever the cart is shown and at checkout.
            Optional<String> guestCode = guestCarts.discountCode(guest.token());
            // Deleted whether idle or not: an idle one is due for the purge anyway.
            guestCarts.delete(guest.token());
            if (guest.isIdle(now, lifetime) || guest.isEmpty()) {
                return CartMergeReport.nothing();
            }
            Map<ProductId, Product> books = products.booksOf(guest.lines());
            CartMerge merge = carts.getForUpdate(userId, now).merge(guest, books, maxLineQuantity, now);
            carts.save(merge.cart());
            if (guestCode.isPresent() && carts.discountCode(userId).isEmpty()) {
                carts.setDiscountCode(userId, guestCode);
            }
            return merge.report();
        });
    }

    /** A change to a live guest cart; every one, a plain read included, is a use that keeps the cart alive. */
    @FunctionalInterface
    private interface Use {
        GuestCart apply(GuestCart cart, Instant now);
    }

    private CartView use(String cartToken, Use change) {
        TokenHash token = hashOf(cartToken).orElseThrow(CartTokenInvalidException::new);
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            GuestCart cart = guestCarts
                    .findForUpdate(token)
                    .orElseThrow(CartTokenInvalidException::new)
                    .requireLive(now, lifetime);
            GuestCart changed = change.apply(cart, now);
            guestCarts.save(changed);
            return views.of(changed, guestCarts.discountCode(token));
        });
    }

    /** As {@link CartService#applyDiscount}, without the per-customer limit, which only checkout can know. */
    @Override
    public CartView applyGuestDiscount(String cartToken, String code) {
        TokenHash token = hashOf(cartToken).orElseThrow(CartTokenInvalidException::new);
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            GuestCart cart = guestCarts
                    .findForUpdate(token)
                    .orElseThrow(CartTokenInvalidException::new)
                    .requireLive(now, lifetime)
                    .touched(now);
            String canonical = CartService.canonical(code);
            discounts.amountOff(canonical, views.goods(cart.lines()), Optional.empty());
            guestCarts.save(cart);
            guestCarts.setDiscountCode(token, Optional.of(canonical));
            return views.of(cart, Optional.of(canonical));
        });
    }

    @Override
    public CartView removeGuestDiscount(String cartToken) {
        TokenHash token = hashOf(cartToken).orElseThrow(CartTokenInvalidException::new);
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            GuestCart cart = guestCarts
                    .findForUpdate(token)
                    .orElseThrow(CartTokenInvalidException::new)
                    .requireLive(now, lifetime)
                    .touched(now);
            guestCarts.save(cart);
            guestCarts.setDiscountCode(token, Optional.empty());
            return views.of(cart);
        });
    }

    private Product onSale(ProductId productId) {
        return products.findById(productId)
                .filter(Product::active)
                .orElseThrow(() -> new ProductNotFoundException(productId.toString()));
    }

    /** Blank and oversized tokens name no cart; they are not even looked up. */
    private static Optional<TokenHash> hashOf(String cartToken) {
        if (cartToken == null || cartToken.isBlank() || cartToken.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(TokenHash.of(cartToken.strip()));
    }
}
