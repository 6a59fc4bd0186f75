package dev.bookshop.application.catalog.port.in;

/** An admin's stock correction: an absolute count, or a signed move. */
public sealed interface StockChange {

    record SetTo(int stock) implements StockChange {}

    record MoveBy(int delta) implements StockChange {}
}
