package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.GUEST_CARTS;
import static dev.bookshop.adapters.persistence.jooq.generated.Tables.GUEST_CART_ITEMS;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.GuestCartItemsRecord;
import dev.bookshop.adapters.persistence.jooq.generated.tables.records.GuestCartsRecord;
import dev.bookshop.application.cart.port.out.GuestCartRepository;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.cart.GuestCart;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Guest carts in {@code guest_carts}, keyed by their token's hash, and their lines in {@code guest_cart_items}. */
final class JooqGuestCartRepository implements GuestCartRepository {

    private final DSLContext dsl;

    JooqGuestCartRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(GuestCart cart) {
        dsl.insertInto(GUEST_CARTS)
                .set(GUEST_CARTS.TOKEN_HASH, cart.token().hex())
                .set(GUEST_CARTS.CREATED_AT, cart.createdAt())
                .set(GUEST_CARTS.UPDATED_AT, cart.updatedAt())
                .set(GUEST_CARTS.LAST_USED_AT, cart.lastUsedAt())
                .execute();
        insertLines(cart);
    }

    @Override
    public Optional<GuestCart> findForUpdate(TokenHash token) {
        return dsl.selectFrom(GUEST_CARTS)
                .where(GUEST_CARTS.TOKEN_HASH.eq(token.hex()))
                .forUpdate()
                .fetchOptional()
                .map(cart -> toDomain(
                        cart,
                        dsl.selectFrom(GUEST_CART_ITEMS)
                                .where(GUEST_CART_ITEMS.TOKEN_HASH.eq(token.hex()))
                                .orderBy(GUEST_CART_ITEMS.POSITION)
                                .fetch()));
    }

    /**
     * A guest cart holds a few lines and changes one at a time: replacing them all is simpler than the account cart's
     * changed-lines-only statement and costs little. Every use calls this, so a plain read writes only the cart row
     * when its lines are as stored.
     */
    @Override
    public void save(GuestCart cart) {
        int updated = dsl.update(GUEST_CARTS)
                .set(GUEST_CARTS.UPDATED_AT, cart.updatedAt())
                .set(GUEST_CARTS.LAST_USED_AT, cart.lastUsedAt())
                .where(GUEST_CARTS.TOKEN_HASH.eq(cart.token().hex()))
                .execute();
        if (updated == 0) {
            return; // deleted meanwhile (merged or purged): stays deleted
        }
        List<GuestCartItemsRecord> stored = dsl.selectFrom(GUEST_CART_ITEMS)
                .where(GUEST_CART_ITEMS.TOKEN_HASH.eq(cart.token().hex()))
                .orderBy(GUEST_CART_ITEMS.POSITION)
                .fetch();
        if (stored.stream().map(JooqGuestCartRepository::toLine).toList().equals(cart.lines())) {
            return;
        }
        dsl.deleteFrom(GUEST_CART_ITEMS)
                .where(GUEST_CART_ITEMS.TOKEN_HASH.eq(cart.token().hex()))
                .execute();
        insertLines(cart);
    }

    @Override
    public Optional<String> discountCode(TokenHash token) {
        return dsl.select(GUEST_CARTS.DISCOUNT_CODE)
                .from(GUEST_CARTS)
                .where(GUEST_CARTS.TOKEN_HASH.eq(token.hex()))
                .fetchOptional(GUEST_CARTS.DISCOUNT_CODE)
                .flatMap(Optional::ofNullable);
    }

    @Override
    public void setDiscountCode(TokenHash token, Optional<String> code) {
        dsl.update(GUEST_CARTS)
                .set(GUEST_CARTS.DISCOUNT_CODE, code.orElse(null))
                .where(GUEST_CARTS.TOKEN_HASH.eq(token.hex()))
                .execute();
    }

    @Override
    public boolean delete(TokenHash token) {
        // The lines go with the cart (on delete cascade).
        return dsl.deleteFrom(GUEST_CARTS)
                        .where(GUEST_CARTS.TOKEN_HASH.eq(token.hex()))
                        .execute()
                == 1;
    }

    /** {@code FOR UPDATE SKIP LOCKED}: concurrent purges take different rows, and never wait on a cart in use. */
    @Override
    public int deleteIdleBefore(Instant lastUsedBefore, int limit) {
        var due = dsl.select(GUEST_CARTS.TOKEN_HASH)
                .from(GUEST_CARTS)
                .where(GUEST_CARTS.LAST_USED_AT.le(lastUsedBefore))
                .orderBy(GUEST_CARTS.LAST_USED_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl.deleteFrom(GUEST_CARTS).where(GUEST_CARTS.TOKEN_HASH.in(due)).execute();
    }

    private void insertLines(GuestCart cart) {
        if (cart.lines().isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(
                GUEST_CART_ITEMS,
                GUEST_CART_ITEMS.TOKEN_HASH,
                GUEST_CART_ITEMS.PRODUCT_ID,
                GUEST_CART_ITEMS.QUANTITY,
                GUEST_CART_ITEMS.POSITION);
        int position = 0;
        for (CartLine line : cart.lines()) {
            insert = insert.values(
                    cart.token().hex(),
                    line.productId().value(),
                    line.quantity().value(),
                    position++);
        }
        insert.execute();
    }

    private static CartLine toLine(GuestCartItemsRecord item) {
        return new CartLine(ProductId.of(item.getProductId()), Quantity.of(item.getQuantity()));
    }

    private static GuestCart toDomain(GuestCartsRecord cart, List<GuestCartItemsRecord> items) {
        return new GuestCart(
                new TokenHash(cart.getTokenHash()),
                items.stream().map(JooqGuestCartRepository::toLine).toList(),
                cart.getCreatedAt(),
                cart.getUpdatedAt(),
                cart.getLastUsedAt());
    }
}
