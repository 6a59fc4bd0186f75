package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.auth.UserSession;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the shop keeps about one account: the account itself, its saved addresses (oldest first), every order with its
 * item snapshots (newest first) and its live sessions. Never a password hash or a token.
 */
public record AccountExport(
        User user, List<SavedAddress> addresses, List<Order> orders, List<UserSession> sessions, Instant exportedAt) {
    public AccountExport {
        Objects.requireNonNull(user);
        addresses = List.copyOf(addresses);
        orders = List.copyOf(orders);
        sessions = List.copyOf(sessions);
        Objects.requireNonNull(exportedAt);
    }
}
