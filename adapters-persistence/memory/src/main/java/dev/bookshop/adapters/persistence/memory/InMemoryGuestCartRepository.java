package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.cart.port.out.GuestCartRepository;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.cart.GuestCart;
import java.time.Instant;
import java.util.Optional;

/** Guest carts in memory, keyed by their token's hash. The store's one lock stands in for the row lock. */
final class InMemoryGuestCartRepository implements GuestCartRepository {

    private final InMemoryStore store;

    InMemoryGuestCartRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(GuestCart cart) {
        store.locked(() -> {
            InMemoryStore.requireNewKey(store.guestCarts, cart.token(), "guest cart");
            requireProducts(cart);
            store.guestCarts.put(cart.token(), cart);
        });
    }

    @Override
    public Optional<GuestCart> findForUpdate(TokenHash token) {
        return store.locked(() -> Optional.ofNullable(store.guestCarts.get(token)));
    }

    @Override
    public void save(GuestCart cart) {
        store.locked(() -> {
            requireProducts(cart);
            // Like an update: a cart deleted meanwhile stays deleted.
            store.guestCarts.computeIfPresent(cart.token(), (token, stored) -> cart);
        });
    }

    @Override
    public Optional<String> discountCode(TokenHash token) {
        return store.locked(() -> Optional.ofNullable(store.guestCartDiscounts.get(token)));
    }

    @Override
    public void setDiscountCode(TokenHash token, Optional<String> code) {
        store.locked(() -> {
            if (!store.guestCarts.containsKey(token)) {
                return; // an update of no row
            }
            code.ifPresentOrElse(
                    c -> store.guestCartDiscounts.put(token, c), () -> store.guestCartDiscounts.remove(token));
        });
    }

    @Override
    public boolean delete(TokenHash token) {
        return store.locked(() -> {
            store.guestCartDiscounts.remove(token);
            return store.guestCarts.remove(token) != null;
        });
    }

    @Override
    public int deleteIdleBefore(Instant lastUsedBefore, int limit) {
        return store.locked(() -> {
            int deleted = InMemoryStore.deleteWhere(
                    store.guestCarts, cart -> !cart.lastUsedAt().isAfter(lastUsedBefore), limit);
            store.guestCartDiscounts.keySet().retainAll(store.guestCarts.keySet());
            return deleted;
        });
    }

    private void requireProducts(GuestCart cart) {
        for (CartLine line : cart.lines()) {
            InMemoryStore.requireReference(store.products.containsKey(line.productId()), "product " + line.productId());
        }
    }
}
