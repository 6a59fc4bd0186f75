package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.CARTS;
import static dev.bookshop.adapters.persistence.jooq.generated.Tables.CART_ITEMS;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.CartItemsRecord;
import dev.bookshop.adapters.persistence.jooq.generated.tables.records.CartsRecord;
import dev.bookshop.application.port.out.CartRepository;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Carts in {@code carts} (one per user, by a unique key) and their lines in {@code cart_items}. */
final class JooqCartRepository implements CartRepository {

    private final DSLContext dsl;

    JooqCartRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Cart getForUpdate(UserId owner, Instant now) {
        // Create-then-lock: the insert is a no-op when the cart exists, and two first requests of one user cannot
        // both create one; the row lock then serialises every change to the cart.
        // A checkout that held the lock may delete the cart before this transaction gets it; then the lock finds no
        // row, and the next round creates a fresh, empty cart.
        CartsRecord cart = null;
        while (cart == null) {
            dsl.insertInto(CARTS)
                    .set(CARTS.USER_ID, owner.value())
                    .set(CARTS.UPDATED_AT, now)
                    .onConflict(CARTS.USER_ID)
                    .doNothing()
                    .execute();
            cart = dsl.selectFrom(CARTS)
                    .where(CARTS.USER_ID.eq(owner.value()))
                    .forUpdate()
                    .fetchOne();
        }
        return CartMapper.toDomain(cart, itemsOf(cart.getId()));
    }

    @Override
    public Optional<Cart> find(UserId owner) {
        return dsl.selectFrom(CARTS)
                .where(CARTS.USER_ID.eq(owner.value()))
                .fetchOptional()
                .map(cart -> CartMapper.toDomain(cart, itemsOf(cart.getId())));
    }

    private List<CartItemsRecord> itemsOf(UUID cartId) {
        return dsl.selectFrom(CART_ITEMS)
                .where(CART_ITEMS.CART_ID.eq(cartId))
                .orderBy(CART_ITEMS.POSITION)
                .fetch();
    }

    @Override
    public void save(Cart cart) {
        UUID cartId = dsl.insertInto(CARTS)
                .set(CARTS.USER_ID, cart.owner().value())
                .set(CARTS.UPDATED_AT, cart.updatedAt())
                .onConflict(CARTS.USER_ID)
                .doUpdate()
                .set(CARTS.UPDATED_AT, cart.updatedAt())
                .returning(CARTS.ID)
                .fetchSingle()
                .getId();
        dsl.deleteFrom(CART_ITEMS).where(CART_ITEMS.CART_ID.eq(cartId)).execute();
        List<CartItemsRecord> items = CartMapper.toItemRecords(cartId, cart);
        if (!items.isEmpty()) {
            dsl.batchInsert(items).execute();
        }
    }

    @Override
    public void delete(UserId owner) {
        // cart_items go with the cart (on delete cascade).
        dsl.deleteFrom(CARTS).where(CARTS.USER_ID.eq(owner.value())).execute();
    }
}
