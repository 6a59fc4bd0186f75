package dev.bookshop.domain.cart;

import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        CartLines.requireOneLinePerBook(this.lines);
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
        return new Cart(owner, CartLines.add(lines, product, quantity, maxLineQuantity), now);
    }

    /** Sets the book's line to exactly {@code quantity} copies, making it if there is none; refused as {@link #add}. */
    public Cart setQuantity(Product product, Quantity quantity, int maxLineQuantity, Instant now) {
        return new Cart(owner, CartLines.set(lines, product, quantity, maxLineQuantity), now);
    }

    /**
     * Removes a whole line, or only some copies of it when a quantity is given; a line that reaches zero goes.
     */
    public Cart remove(ProductId productId, Optional<Quantity> quantity, Instant now) {
        return new Cart(owner, CartLines.remove(lines, productId, quantity), now);
    }

    /**
     * Takes a guest's lines into this cart, in the guest's order, and says what became of each. Copies add up, capped
     * at the book's stock now and the per-line limit; a line of this cart is never made smaller, even when it already
     * asks for more than the stock (that line is the account's own, and checkout judges it). A book no longer on sale
     * is dropped, and so is a line of which the stock leaves nothing. Never refuses: a shopper signing in must not
     * lose the sign-in over a cart.
     *
     * @param products the guest's books as the shop has them now; a book missing from it is no longer in the shop
     */
    public CartMerge merge(GuestCart guest, Map<ProductId, Product> products, int maxLineQuantity, Instant now) {
        if (guest.isEmpty()) {
            return new CartMerge(this, CartMergeReport.nothing());
        }
        List<CartLine> merged = lines;
        List<ProductId> added = new ArrayList<>();
        List<CartMergeReport.Adjusted> adjusted = new ArrayList<>();
        List<CartMergeReport.Dropped> dropped = new ArrayList<>();
        for (CartLine line : guest.lines()) {
            ProductId id = line.productId();
            Product product = products.get(id);
            if (product == null || !product.active()) {
                dropped.add(
                        new CartMergeReport.Dropped(id, product == null ? MergeReason.DELETED : MergeReason.INACTIVE));
                continue;
            }
            int held = CartLines.quantityOf(merged, id);
            int requested = held + line.quantity().value();
            int cap = Math.min(maxLineQuantity, product.stock());
            int kept = Math.max(held, Math.min(requested, cap));
            // The tighter bound is the one to blame; at a tie, the stock, since no limit would let more through.
            MergeReason reason = product.stock() <= maxLineQuantity ? MergeReason.STOCK : MergeReason.LIMIT;
            if (kept == 0) {
                dropped.add(new CartMergeReport.Dropped(id, reason));
                continue;
            }
            if (kept < requested) {
                adjusted.add(new CartMergeReport.Adjusted(id, requested, kept, reason));
            } else if (held == 0) {
                added.add(id);
            }
            if (kept > held) {
                merged = CartLines.withLine(merged, new CartLine(id, Quantity.of(kept)));
            }
        }
        return new CartMerge(new Cart(owner, merged, now), new CartMergeReport(added, adjusted, dropped));
    }

    public Optional<CartLine> line(ProductId productId) {
        return CartLines.line(lines, productId);
    }

    public int quantityOf(ProductId productId) {
        return CartLines.quantityOf(lines, productId);
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
