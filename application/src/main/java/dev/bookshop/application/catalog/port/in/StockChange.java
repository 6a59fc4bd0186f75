package dev.bookshop.application.catalog.port.in;

import dev.bookshop.domain.catalog.Stock;

/** An admin's stock correction: an absolute count, or a signed move. */
public sealed interface StockChange {

    record SetTo(Stock stock) implements StockChange {}

    record MoveBy(int delta) implements StockChange {}
}
