package dev.bookshop.domain.cart;

import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cart for someone not signed in, known only by the hash of the token its holder was given. The same line rules as
 * an account's {@link Cart}. It lives while it is used: one idle for longer than the shop's guest cart lifetime is
 * as good as gone. Immutable; every change answers the changed cart.
 *
 * @param updatedAt when the lines last changed, what the customer sees
 * @param lastUsedAt when the token was last presented, which keeps the cart alive
 */
public record GuestCart(
        TokenHash token, List<CartLine> lines, Instant createdAt, Instant updatedAt, Instant lastUsedAt) {

    public GuestCart {
        Objects.requireNonNull(token);
        lines = List.copyOf(lines);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
        Objects.requireNonNull(lastUsedAt);
        CartLines.requireOneLinePerBook(lines);
    }

    public static GuestCart start(TokenHash token, Instant now) {
        return new GuestCart(token, List.of(), now, now, now);
    }

    /** Whether the cart was left alone for {@code lifetime} or longer at {@code now}. */
    public boolean isIdle(Instant now, Duration lifetime) {
        return !lastUsedAt.plus(lifetime).isAfter(now);
    }

    /** This cart if still alive at {@code now}; an idle one is refused as if its token were never issued. */
    public GuestCart requireLive(Instant now, Duration lifetime) {
        if (isIdle(now, lifetime)) {
            throw new CartTokenInvalidException();
        }
        return this;
    }

    /** The cart used at {@code now} without a change to its lines. */
    public GuestCart touched(Instant now) {
        return new GuestCart(token, lines, createdAt, updatedAt, now);
    }

    /** As {@link Cart#add}. */
    public GuestCart add(Product product, Quantity quantity, int maxLineQuantity, Instant now) {
        return changed(CartLines.add(lines, product, quantity, maxLineQuantity), now);
    }

    /** As {@link Cart#setQuantity}. */
    public GuestCart setQuantity(Product product, Quantity quantity, int maxLineQuantity, Instant now) {
        return changed(CartLines.set(lines, product, quantity, maxLineQuantity), now);
    }

    /** As {@link Cart#remove}. */
    public GuestCart remove(ProductId productId, Optional<Quantity> quantity, Instant now) {
        return changed(CartLines.remove(lines, productId, quantity), now);
    }

    public int quantityOf(ProductId productId) {
        return CartLines.quantityOf(lines, productId);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    private GuestCart changed(List<CartLine> changed, Instant now) {
        return new GuestCart(token, changed, createdAt, now, now);
    }

    @Override
    public String toString() {
        return "GuestCart[" + lines.size() + " lines, last used " + lastUsedAt + "]";
    }
}
