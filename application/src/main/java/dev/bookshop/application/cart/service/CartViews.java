package dev.bookshop.application.cart.service;

import dev.bookshop.application.cart.port.in.CartView;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.cart.GuestCart;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prices a cart at today's prices and tells which lines checkout would refuse. One product query per cart. */
public final class CartViews {

    private final ProductRepository products;
    private final Currency currency;

    public CartViews(ProductRepository products, Currency currency) {
        this.products = products;
        this.currency = currency;
    }

    public CartView empty() {
        return new CartView(List.of(), Money.ZERO, currency, Optional.empty());
    }

    public CartView of(Cart cart) {
        return of(cart.lines(), cart.updatedAt());
    }

    /** A guest's cart, dated when its lines last changed. */
    public CartView of(GuestCart cart) {
        return of(cart.lines(), cart.updatedAt());
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
