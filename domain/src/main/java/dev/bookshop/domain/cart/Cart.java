package dev.bookshop.domain.cart;

import dev.bookshop.domain.catalog.InsufficientStockException;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's one cart: at most one line per book, each for at least one copy. Immutable; every change returns the
 * changed cart. Stock is checked when adding and again at checkout, because it can move in between.
 */
public final class Cart {

    private static final Comparator<CartLine> LOCK_ORDER =
            Comparator.comparing(CartLine::productId, ProductId.LOCK_ORDER);

    private final UserId owner;
    private final List<CartLine> lines;
    private final Instant updatedAt;

    private Cart(UserId owner, List<CartLine> lines, Instant updatedAt) {
        this.owner = Objects.requireNonNull(owner);
        this.lines = List.copyOf(lines);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        if (this.lines.stream().map(CartLine::productId).distinct().count() != this.lines.size()) {
            throw new IllegalArgumentException("a cart holds one line per book");
        }
    }

    public static Cart empty(UserId owner, Instant now) {
        return new Cart(owner, List.of(), now);
    }

    public static Cart rehydrate(UserId owner, List<CartLine> lines, Instant updatedAt) {
        return new Cart(owner, lines, updatedAt);
    }

    /**
     * Adds copies of a book, joining an existing line. Refused when the book is not on sale, when the line would
     * hold more than {@code maxLineQuantity} copies (one account must not be able to hold a whole shelf), or when it
     * would ask for more copies than are in stock now.
     */
    public Cart add(Product product, Quantity quantity, int maxLineQuantity, Instant now) {
        if (!product.active()) {
            throw new ProductNotFoundException(product.id().toString());
        }
        long wanted = (long) quantityOf(product.id()) + quantity.value();
        if (wanted > maxLineQuantity) {
            throw new QuantityLimitExceededException(
                    product.id(), (int) Math.min(wanted, Integer.MAX_VALUE), maxLineQuantity);
        }
        if (wanted > product.stock()) {
            throw InsufficientStockException.of(
                    product.id(), (int) Math.min(wanted, Integer.MAX_VALUE), product.stock());
        }
        Quantity newQuantity = Quantity.of((int) wanted);
        List<CartLine> changed = new ArrayList<>(lines.size() + 1);
        boolean joined = false;
        for (CartLine line : lines) {
            if (line.productId().equals(product.id())) {
                changed.add(new CartLine(product.id(), newQuantity));
                joined = true;
            } else {
                changed.add(line);
            }
        }
        if (!joined) {
            changed.add(new CartLine(product.id(), newQuantity));
        }
        return new Cart(owner, changed, now);
    }

    /**
     * Removes a whole line, or only some copies of it when a quantity is given; a line that reaches zero goes.
     */
    public Cart remove(ProductId productId, Optional<Quantity> quantity, Instant now) {
        CartLine line = line(productId).orElseThrow(() -> new CartItemNotFoundException(productId));
        List<CartLine> changed = new ArrayList<>(lines);
        int index = changed.indexOf(line);
        int left = quantity.map(q -> line.quantity().value() - q.value()).orElse(0);
        if (left > 0) {
            changed.set(index, new CartLine(productId, Quantity.of(left)));
        } else {
            changed.remove(index);
        }
        return new Cart(owner, changed, now);
    }

    public Optional<CartLine> line(ProductId productId) {
        return lines.stream().filter(l -> l.productId().equals(productId)).findFirst();
    }

    public int quantityOf(ProductId productId) {
        return line(productId).map(l -> l.quantity().value()).orElse(0);
    }

    /** The lines ordered by product id: the order in which checkout takes stock, so concurrent checkouts never deadlock. */
    public List<CartLine> linesInLockOrder() {
        return lines.stream().sorted(LOCK_ORDER).toList();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public UserId owner() {
        return owner;
    }

    public List<CartLine> lines() {
        return lines;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cart other
                && owner.equals(other.owner)
                && lines.equals(other.lines)
                && updatedAt.equals(other.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(owner, lines);
    }

    @Override
    public String toString() {
        return "Cart[" + owner + ", " + lines.size() + " lines]";
    }
}
