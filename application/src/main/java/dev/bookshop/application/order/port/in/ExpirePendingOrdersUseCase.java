package dev.bookshop.application.order.port.in;

/**
 * Fails PENDING orders older than the payment timeout and returns their stock, once each, however many instances
 * sweep at the same time. Answers how many orders this call expired.
 */
public interface ExpirePendingOrdersUseCase {
    int expireOverdueOrders();
}
