package dev.bookshop.application.order.port.out;

import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.order.query.OrderWithCustomer;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders and their item snapshots. Nothing here deletes an order. */
public interface OrderRepository {

    void insert(Order order);

    /** Writes status, payment reference and payment time of an existing order. */
    void update(Order order);

    Optional<Order> findById(OrderId id);

    /** Reads the order and holds it locked, so that a status change happens once however many callers race. */
    Optional<Order> findByIdForUpdate(OrderId id);

    Optional<Order> findByPaymentReferenceForUpdate(String paymentReference);

    /** The user's orders, newest first. */
    Page<Order> findByUser(UserId userId, PageRequest page);

    /** Every order matching the admin's filters, newest first, with the customer's email. */
    Page<OrderWithCustomer> findAll(OrderQuery query);

    /**
     * Up to {@code limit} PENDING orders created before {@code cutoff}, locked; orders another transaction holds are
     * skipped rather than waited for, so several instances sweeping at once each take different orders.
     */
    List<Order> lockPendingCreatedBefore(Instant cutoff, int limit);

    Map<OrderStatus, Long> countByStatus();

    /**
     * How many of the user's orders are PENDING. Checkout asks while it holds the customer's cart locked, and only
     * checkout places orders, so the answer cannot go stale before the new order is written.
     */
    long countPendingByUser(UserId userId);
}
