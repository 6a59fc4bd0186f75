package dev.bookshop.application.order.port.in;

/**
 * Closes the payments of PENDING orders older than the payment timeout at the provider, then fails those orders and
 * returns their stock, once each, however many instances sweep at the same time. A payment that succeeded before it
 * could be closed pays its order instead, and its stock stays sold. Answers how many orders this call expired.
 */
public interface ExpirePendingOrdersUseCase {
    int expireOverdueOrders();
}
