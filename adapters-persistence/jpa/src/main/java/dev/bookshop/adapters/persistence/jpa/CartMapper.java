package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Maps a {@link CartEntity} and its {@link CartItemEntity} lines to a {@link Cart}, and a cart's lines to items. */
final class CartMapper {

    private CartMapper() {}

    /** @param items the cart's items, in position order */
    static Cart toDomain(CartEntity cart, List<CartItemEntity> items) {
        List<CartLine> lines = items.stream()
                .map(item -> new CartLine(ProductId.of(item.productId), Quantity.of(item.quantity)))
                .toList();
        return Cart.rehydrate(UserId.of(cart.userId), lines, cart.updatedAt);
    }

    /** The cart's lines as items of the stored cart {@code cartId}, numbered in the cart's order. */
    static List<CartItemEntity> toItems(UUID cartId, Cart cart) {
        List<CartItemEntity> items = new ArrayList<>(cart.lines().size());
        for (CartLine line : cart.lines()) {
            CartItemEntity item = new CartItemEntity();
            item.cartId = cartId;
            item.productId = line.productId().value();
            item.quantity = line.quantity().value();
            item.position = items.size();
            items.add(item);
        }
        return items;
    }
}
