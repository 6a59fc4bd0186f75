package dev.bookshop.domain.cart;

import dev.bookshop.domain.catalog.InsufficientStockException;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.common.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The line rules an account's cart and a guest's cart share: one line per book, each for at least one copy, no more
 * than the per-line limit and the stock allow. Each operation answers the changed lines, in the customer's order.
 */
final class CartLines {

    private CartLines() {}

    static void requireOneLinePerBook(List<CartLine> lines) {
        if (lines.stream().map(CartLine::productId).distinct().count() != lines.size()) {
            throw new IllegalArgumentException("a cart holds one line per book");
        }
    }

    static Optional<CartLine> line(List<CartLine> lines, ProductId productId) {
        return lines.stream().filter(l -> l.productId().equals(productId)).findFirst();
    }

    static int quantityOf(List<CartLine> lines, ProductId productId) {
        return line(lines, productId).map(l -> l.quantity().value()).orElse(0);
    }

    /** Adds copies, joining an existing line; refused like {@link #set} when the joined line breaks a rule. */
    static List<CartLine> add(List<CartLine> lines, Product product, Quantity quantity, int maxLineQuantity) {
        long wanted = (long) quantityOf(lines, product.id()) + quantity.value();
        return put(lines, product, wanted, maxLineQuantity);
    }

    /**
     * Sets a line to exactly {@code quantity} copies, making it if there is none. Refused when the book is not on sale,
     * when the line would hold more than {@code maxLineQuantity} copies (one customer must not be able to hold a whole
     * shelf), or when it asks for more copies than are in stock now.
     */
    static List<CartLine> set(List<CartLine> lines, Product product, Quantity quantity, int maxLineQuantity) {
        return put(lines, product, quantity.value(), maxLineQuantity);
    }

    private static List<CartLine> put(List<CartLine> lines, Product product, long wanted, int maxLineQuantity) {
        if (!product.active()) {
            throw new ProductNotFoundException(product.id().toString());
        }
        int asked = (int) Math.min(wanted, Integer.MAX_VALUE);
        if (wanted > maxLineQuantity) {
            throw new QuantityLimitExceededException(product.id(), asked, maxLineQuantity);
        }
        if (wanted > product.stock()) {
            throw InsufficientStockException.of(product.id(), asked, product.stock());
        }
        return withLine(lines, new CartLine(product.id(), Quantity.of(asked)));
    }

    /** The lines with {@code line} replacing the book's line in place, or appended when the book had none. */
    static List<CartLine> withLine(List<CartLine> lines, CartLine line) {
        List<CartLine> changed = new ArrayList<>(lines.size() + 1);
        boolean joined = false;
        for (CartLine existing : lines) {
            if (existing.productId().equals(line.productId())) {
                changed.add(line);
                joined = true;
            } else {
                changed.add(existing);
            }
        }
        if (!joined) {
            changed.add(line);
        }
        return changed;
    }

    /** Removes a whole line, or only some copies of it when a quantity is given; a line that reaches zero goes. */
    static List<CartLine> remove(List<CartLine> lines, ProductId productId, Optional<Quantity> quantity) {
        CartLine line = line(lines, productId).orElseThrow(() -> new CartItemNotFoundException(productId));
        List<CartLine> changed = new ArrayList<>(lines);
        int index = changed.indexOf(line);
        int left = quantity.map(q -> line.quantity().value() - q.value()).orElse(0);
        if (left > 0) {
            changed.set(index, new CartLine(productId, Quantity.of(left)));
        } else {
            changed.remove(index);
        }
        return changed;
    }
}
