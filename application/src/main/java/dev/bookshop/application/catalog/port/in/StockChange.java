package dev.bookshop.application.catalog.port.in;

import dev.bookshop.domain.catalog.Stock;

/** An admin's stock correction: a count of the shelf, or a signed move of the available copies. */
public sealed interface StockChange {

    /** The copies on the shelf, those held by unpaid orders included. */
    record SetTo(Stock stock) implements StockChange {}

    /** Copies in or out of the available stock. */
    record MoveBy(int delta) implements StockChange {}
}
