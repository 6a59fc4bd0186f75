package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.CartItemsRecord;
import dev.bookshop.adapters.persistence.jooq.generated.tables.records.CartsRecord;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Maps a {@code carts} row and its {@code cart_items} to a {@link Cart}, and a cart's lines to item rows. */
final class CartMapper {

    private CartMapper() {}

    /** @param items the cart's items, in position order */
    static Cart toDomain(CartsRecord cart, List<CartItemsRecord> items) {
        List<CartLine> lines = items.stream()
                .map(item -> new CartLine(ProductId.of(item.getProductId()), Quantity.of(item.getQuantity())))
                .toList();
        return Cart.rehydrate(UserId.of(cart.getUserId()), lines, cart.getUpdatedAt());
    }

    /** The cart's lines as item rows of the stored cart {@code cartId}, numbered in the cart's order. */
    static List<CartItemsRecord> toItemRecords(UUID cartId, Cart cart) {
        List<CartItemsRecord> rows = new ArrayList<>(cart.lines().size());
        for (CartLine line : cart.lines()) {
            rows.add(new CartItemsRecord(
                    cartId, line.productId().value(), line.quantity().value(), rows.size()));
        }
        return rows;
    }
}
