package dev.bookshop.adapters.web.auth;

import dev.bookshop.adapters.web.order.OrderView;
import dev.bookshop.adapters.web.security.Caller;
import dev.bookshop.application.account.port.in.AccountExport;
import java.time.Instant;
import java.util.List;

/**
 * Everything the shop keeps about the caller's account, in one document they can take elsewhere. {@code addresses}
 * is always empty: the shop keeps no addresses yet, and the field is there so the document's shape stays when it does.
 */
public record AccountExportView(
        UserView account,
        List<Object> addresses,
        List<OrderView> orders,
        List<SessionView> sessions,
        Instant exportedAt) {

    public static AccountExportView of(AccountExport export, Caller caller) {
        return new AccountExportView(
                UserView.of(export.user()),
                List.of(),
                export.orders().stream().map(OrderView::of).toList(),
                export.sessions().stream().map(s -> SessionView.of(s, caller)).toList(),
                export.exportedAt());
    }
}
