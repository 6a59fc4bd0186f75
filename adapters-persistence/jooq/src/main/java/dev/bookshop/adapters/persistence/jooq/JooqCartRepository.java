package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.CARTS;
import static dev.bookshop.adapters.persistence.jooq.generated.Tables.CART_ITEMS;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.CartItemsRecord;
import dev.bookshop.adapters.persistence.jooq.generated.tables.records.CartsRecord;
import dev.bookshop.application.cart.port.out.CartRepository;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Carts in {@code carts} (one per user, by a unique key) and their lines in {@code cart_items}. */
final class JooqCartRepository implements CartRepository {

    private final DSLContext dsl;

    // Every cart change and checkout runs these (see Prepared); values bind in the order given at each use.
    private final Prepared lockOrCreate;
    private final Prepared linesOf;
    private final Prepared remove;

    /** Values: owner, update time, the lines' books (twice), quantities, positions. */
    private final Prepared write;

    JooqCartRepository(DSLContext dsl) {
        this.dsl = dsl;
        // Create-or-lock in one statement: the insert makes the cart when there is none, and on conflict the no-op
        // update locks the existing row, which then serialises every change to the cart. Two first requests of one
        // user cannot both create one. A checkout that held the lock may delete the cart meanwhile; PostgreSQL then
        // retries the insert, so this always answers a locked cart, a fresh empty one in that case.
        this.lockOrCreate = Prepared.of(
                dsl,
                dsl.insertInto(CARTS)
                        .set(CARTS.USER_ID, DSL.param("owner", UUID.class))
                        .set(CARTS.UPDATED_AT, DSL.param("now", Instant.class))
                        .onConflict(CARTS.USER_ID)
                        .doUpdate()
                        .set(CARTS.UPDATED_AT, CARTS.UPDATED_AT)
                        .returning());
        this.linesOf = Prepared.of(
                dsl,
                dsl.selectFrom(CART_ITEMS)
                        .where(CART_ITEMS.CART_ID.eq(DSL.param("cart", UUID.class)))
                        .orderBy(CART_ITEMS.POSITION));
        // cart_items go with the cart (on delete cascade).
        // One statement, and only the lines that changed are written: rewriting every line of the cart on each
        // change (delete all, insert all) made an add to a cart of n lines cost 2n row writes and their index entries.
        this.write = Prepared.of(
                dsl,
                dsl.query(
                        """
                        with cart as (
                            insert into carts (user_id, updated_at) values ({0}, {1})
                            on conflict (user_id) do update set updated_at = excluded.updated_at
                            returning id),
                        gone as (
                            delete from cart_items
                            where cart_id = (select id from cart) and product_id <> all ({2}))
                        insert into cart_items (cart_id, product_id, quantity, position)
                        select (select id from cart), line.product_id, line.quantity, line.position
                        from unnest({2}, {3}, {4}) as line (product_id, quantity, position)
                        on conflict (cart_id, product_id) do update
                            set quantity = excluded.quantity, position = excluded.position
                            where (cart_items.quantity, cart_items.position)
                                <> (excluded.quantity, excluded.position)""",
                        DSL.param("owner", CARTS.USER_ID),
                        DSL.param("at", CARTS.UPDATED_AT),
                        DSL.param("products", SQLDataType.UUID.array()),
                        DSL.param("quantities", SQLDataType.INTEGER.array()),
                        DSL.param("positions", SQLDataType.INTEGER.array())));
        this.remove = Prepared.of(dsl, dsl.deleteFrom(CARTS).where(CARTS.USER_ID.eq(DSL.param("owner", UUID.class))));
    }

    @Override
    public Cart getForUpdate(UserId owner, Instant now) {
        CartsRecord cart =
                lockOrCreate.with(dsl, owner.value(), now).fetchSingle().into(CARTS);
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
        return linesOf.with(dsl, cartId).fetch().into(CART_ITEMS);
    }

    @Override
    public void save(Cart cart) {
        List<CartItemsRecord> items = CartMapper.toItemRecords(null, cart);
        UUID[] products = items.stream().map(CartItemsRecord::getProductId).toArray(UUID[]::new);
        Integer[] quantities = items.stream().map(CartItemsRecord::getQuantity).toArray(Integer[]::new);
        Integer[] positions = items.stream().map(CartItemsRecord::getPosition).toArray(Integer[]::new);
        write.execute(dsl, cart.owner().value(), cart.updatedAt(), products, products, quantities, positions);
    }

    @Override
    public Optional<String> discountCode(UserId owner) {
        return dsl.select(CARTS.DISCOUNT_CODE)
                .from(CARTS)
                .where(CARTS.USER_ID.eq(owner.value()))
                .fetchOptional(CARTS.DISCOUNT_CODE)
                .flatMap(Optional::ofNullable);
    }

    @Override
    public void setDiscountCode(UserId owner, Optional<String> code) {
        dsl.update(CARTS)
                .set(CARTS.DISCOUNT_CODE, code.orElse(null))
                .where(CARTS.USER_ID.eq(owner.value()))
                .execute();
    }

    @Override
    public void delete(UserId owner) {
        remove.execute(dsl, owner.value());
    }
}
