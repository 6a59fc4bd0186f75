package dev.bookshop.adapters.web.auth;

import dev.bookshop.adapters.web.address.AddressView;
import dev.bookshop.adapters.web.order.OrderView;
import dev.bookshop.adapters.web.security.Caller;
import dev.bookshop.application.account.port.in.AccountExport;
import java.time.Instant;
import java.util.List;

/** Everything the shop keeps about the caller's account, in one document they can take elsewhere. */
public record AccountExportView(
        UserView account,
        List<AddressView> addresses,
        List<OrderView> orders,
        List<SessionView> sessions,
        Instant exportedAt) {

    public static AccountExportView of(AccountExport export, Caller caller) {
        return new AccountExportView(
                UserView.of(export.user()),
                export.addresses().stream().map(AddressView::of).toList(),
                export.orders().stream().map(OrderView::of).toList(),
                export.sessions().stream().map(s -> SessionView.of(s, caller)).toList(),
                export.exportedAt());
    }
}
