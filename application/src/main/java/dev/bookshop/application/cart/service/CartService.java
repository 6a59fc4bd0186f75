package dev.bookshop.application.cart.service;

import dev.bookshop.application.cart.port.in.AddToCartUseCase;
import dev.bookshop.application.cart.port.in.CartDiscountUseCase;
import dev.bookshop.application.cart.port.in.CartView;
import dev.bookshop.application.cart.port.in.GetCartUseCase;
import dev.bookshop.application.cart.port.in.RemoveFromCartUseCase;
import dev.bookshop.application.cart.port.in.SetCartQuantityUseCase;
import dev.bookshop.application.cart.port.out.CartRepository;
import dev.bookshop.application.cart.port.out.DiscountPricing;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.application.shared.service.Actors;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.discount.CodeText;
import dev.bookshop.domain.order.DiscountInvalidException;
import dev.bookshop.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The customer's cart. Every change locks the cart first, so concurrent changes to one cart add up exactly. */
public final class CartService
        implements GetCartUseCase,
                AddToCartUseCase,
                RemoveFromCartUseCase,
                SetCartQuantityUseCase,
                CartDiscountUseCase {

    private final DiscountPricing discounts;

    private final TransactionRunner transactions;
    private final CartRepository carts;
    private final ProductRepository products;
    private final Actors actors;
    private final CartViews views;
    private final Clock clock;
    private final int maxLineQuantity;

    public CartService(
            TransactionRunner transactions,
            CartRepository carts,
            ProductRepository products,
            Actors actors,
            CartViews views,
            DiscountPricing discounts,
            Clock clock,
            int maxLineQuantity) {
        this.discounts = discounts;
        this.transactions = transactions;
        this.carts = carts;
        this.products = products;
        this.actors = actors;
        this.views = views;
        this.clock = clock;
        this.maxLineQuantity = maxLineQuantity;
    }

    @Override
    public CartView getCart(UserId userId) {
        return carts.find(userId).map(cart -> view(cart)).orElseGet(views::empty);
    }

    @Override
    public CartView addToCart(UserId userId, ProductId productId, Quantity quantity) {
        return transactions.inTransaction(() -> {
            actors.requireActive(userId);
            Product product = onSale(productId);
            Instant now = clock.instant();
            Cart changed = carts.getForUpdate(userId, now).add(product, quantity, maxLineQuantity, now);
            carts.save(changed);
            return view(changed);
        });
    }

    @Override
    public CartView removeFromCart(UserId userId, ProductId productId, Optional<Quantity> quantity) {
        return transactions.inTransaction(() -> {
            actors.requireActive(userId);
            Instant now = clock.instant();
            Cart changed = carts.getForUpdate(userId, now).remove(productId, quantity, now);
            carts.save(changed);
            return view(changed);
        });
    }

    @Override
    public CartView setCartQuantity(UserId userId, ProductId productId, int quantity) {
        CartQuantity.requireValid(quantity);
        return transactions.inTransaction(() -> {
            actors.requireActive(userId);
            Instant now = clock.instant();
            Cart cart = carts.getForUpdate(userId, now);
            Cart changed = quantity == 0
                    ? cart.remove(productId, Optional.empty(), now)
                    : cart.setQuantity(onSale(productId), Quantity.of(quantity), maxLineQuantity, now);
            carts.save(changed);
            return view(changed);
        });
    }

    /**
     * Applies a code to the cart: checked against the cart's goods now and this customer's redemptions, then kept
     * with the cart (a code applied before replaces it).
     */
    @Override
    public CartView applyDiscount(UserId userId, String code) {
        return transactions.inTransaction(() -> {
            actors.requireActive(userId);
            Cart cart = carts.getForUpdate(userId, clock.instant());
            String canonical = canonical(code);
            discounts.amountOff(canonical, views.goods(cart.lines()), Optional.of(userId));
            carts.setDiscountCode(userId, Optional.of(canonical));
            return views.of(cart, Optional.of(canonical));
        });
    }

    @Override
    public CartView removeDiscount(UserId userId) {
        return transactions.inTransaction(() -> {
            actors.requireActive(userId);
            Cart cart = carts.getForUpdate(userId, clock.instant());
            carts.setDiscountCode(userId, Optional.empty());
            return views.of(cart);
        });
    }

    /** A code as the shop stores it; text that cannot be a code is a code the shop does not know. */
    static String canonical(String code) {
        if (!CodeText.isWellFormed(code)) {
            throw new DiscountInvalidException(DiscountInvalidException.UNKNOWN);
        }
        return CodeText.normalise(code);
    }

    private CartView view(Cart cart) {
        return views.of(cart, carts.discountCode(cart.owner()));
    }

    private Product onSale(ProductId productId) {
        return products.findById(productId)
                .filter(Product::active)
                .orElseThrow(() -> new ProductNotFoundException(productId.toString()));
    }
}
