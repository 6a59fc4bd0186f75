package dev.bookshop.adapters.web.admin;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.StockLevel;

/**
 * A book's stock after an admin's correction: {@code stock} is what customers can buy (the count every other answer
 * shows), {@code reserved} what unpaid orders hold, and {@code onHand} both together, the count on the shelf.
 */
public record StockView(String id, int stock, int reserved, long onHand) {

    static StockView of(ProductId productId, StockLevel level) {
        return new StockView(productId.toString(), level.available().copies(), level.reserved(), level.onHand());
    }
}
