package dev.bookshop.adapters.web.admin;

/** A book's stock after an admin's correction. */
public record StockView(String id, int stock) {}
