package dev.bookshop.application.cart.service;

import dev.bookshop.application.cart.port.in.CartView;
import dev.bookshop.application.cart.port.out.DiscountPricing;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.cart.GuestCart;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices a cart at today's prices, re-checks its discount code and tells which lines checkout would refuse. One
 * product query per cart.
 */
public final class CartViews {

    private final ProductRepository products;
    private final Currency currency;
    private final DiscountPricing discounts;

    public CartViews(ProductRepository products, Currency currency, DiscountPricing discounts) {
        this.products = products;
        this.currency = currency;
        this.discounts = discounts;
    }

    public CartView empty() {
        return new CartView(List.of(), Money.ZERO, currency, Optional.empty());
    }

    public CartView of(Cart cart) {
        return of(cart, Optional.empty());
    }

    /** An account's cart with the code it has applied, checked for its owner (the per-customer limit included). */
    public CartView of(Cart cart, Optional<String> discountCode) {
        return discounted(of(cart.lines(), cart.updatedAt()), discountCode, Optional.of(cart.owner()));
    }

    /** A guest's cart, dated when its lines last changed. */
    public CartView of(GuestCart cart) {
        return of(cart, Optional.empty());
    }

    /** A guest's cart with its code; who the customer is, and so their own limit, is not known yet. */
    public CartView of(GuestCart cart, Optional<String> discountCode) {
        return discounted(of(cart.lines(), cart.updatedAt()), discountCode, Optional.empty());
    }

    /** An account's empty cart that has never been stored. */
    public CartView empty(Optional<String> discountCode, UserId owner) {
        return discounted(empty(), discountCode, Optional.of(owner));
    }

    private CartView discounted(CartView view, Optional<String> code, Optional<UserId> customer) {
        if (code.isEmpty()) {
            return view;
        }
        return discounts
                .currentAmountOff(code.get(), view.total(), customer)
                .map(amount -> new CartView(
                        view.items(),
                        view.total().minus(amount),
                        view.currency(),
                        view.updatedAt(),
                        Optional.of(new CartView.Discount(code.get(), amount))))
                .orElse(view);
    }

    /** What the lines cost at today's prices, before any discount; lines whose book is gone count nothing. */
    public Money goods(List<CartLine> lines) {
        return of(lines, Instant.EPOCH).total();
    }

    private CartView of(List<CartLine> lines, Instant updatedAt) {
        if (lines.isEmpty()) {
            return new CartView(List.of(), Money.ZERO, currency, Optional.of(updatedAt));
        }
        Map<ProductId, Product> byId = products.booksOf(lines);
        List<CartView.Item> items = new ArrayList<>();
        Money total = Money.ZERO;
        for (CartLine line : lines) {
            Product product = byId.get(line.productId());
            if (product == null) {
                continue; // the line's book was removed from the store entirely; nothing to price
            }
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
        return new CartView(items, total, currency, Optional.of(updatedAt));
    }
}
