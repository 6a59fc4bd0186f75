package dev.bookshop.application.order.query;

import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.user.Email;
import java.util.Objects;

/** An order as the admin sees it: with the email of the customer who placed it. */
public record OrderWithCustomer(Order order, Email customerEmail) {
    public OrderWithCustomer {
        Objects.requireNonNull(order);
        Objects.requireNonNull(customerEmail);
    }
}
