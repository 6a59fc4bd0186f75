package dev.bookshop.application.order.query;

import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** The admin's filters over all orders; results come newest first. */
public record OrderQuery(Optional<OrderStatus> status, Optional<UserId> userId, PageRequest page) {
    public OrderQuery {
        Objects.requireNonNull(status);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(page);
    }
}
