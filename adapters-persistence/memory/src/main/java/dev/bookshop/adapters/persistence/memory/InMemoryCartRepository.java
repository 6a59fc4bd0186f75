package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.cart.port.out.CartRepository;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Carts in memory, one per user. */
final class InMemoryCartRepository implements CartRepository {

    private final InMemoryStore store;

    InMemoryCartRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Cart getForUpdate(UserId owner, Instant now) {
        return store.locked(() -> {
            Cart stored = store.carts.get(owner);
            if (stored != null) {
                return stored;
            }
            InMemoryStore.requireReference(store.users.containsKey(owner), "user " + owner);
            Cart created = Cart.empty(owner, now);
            store.carts.put(owner, created);
            return created;
        });
    }

    @Override
    public Optional<Cart> find(UserId owner) {
        return store.locked(() -> Optional.ofNullable(store.carts.get(owner)));
    }

    @Override
    public void save(Cart cart) {
        store.locked(() -> {
            InMemoryStore.requireReference(store.users.containsKey(cart.owner()), "user " + cart.owner());
            for (CartLine line : cart.lines()) {
                InMemoryStore.requireReference(
                        store.products.containsKey(line.productId()), "product " + line.productId());
            }
            store.carts.put(cart.owner(), cart);
        });
    }

    @Override
    public Optional<String> discountCode(UserId owner) {
        return store.locked(() -> Optional.ofNullable(store.cartDiscounts.get(owner)));
    }

    @Override
    public void setDiscountCode(UserId owner, Optional<String> code) {
        store.locked(() -> {
            if (!store.carts.containsKey(owner)) {
                return; // an update of no row
            }
            code.ifPresentOrElse(c -> store.cartDiscounts.put(owner, c), () -> store.cartDiscounts.remove(owner));
        });
    }

    @Override
    public void delete(UserId owner) {
        store.locked(() -> {
            store.carts.remove(owner);
            store.cartDiscounts.remove(owner);
        });
    }
}
