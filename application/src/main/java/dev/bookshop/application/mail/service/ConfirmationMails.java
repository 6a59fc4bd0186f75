package dev.bookshop.application.mail.service;

import dev.bookshop.application.mail.port.out.OutboxMail;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.user.Email;
import java.time.Instant;
import java.util.Currency;

/** Writes the order confirmation mail, in plain text and HTML, listing the items and the total. */
public final class ConfirmationMails {

    private final IdGenerator ids;

    public ConfirmationMails(IdGenerator ids) {
        this.ids = ids;
    }

    public OutboxMail confirmation(Order order, Email to, Instant now) {
        StringBuilder text = new StringBuilder()
                .append("Thank you for your order ")
                .append(order.id())
                .append(".\n\n");
        StringBuilder html = new StringBuilder()
                .append("<html><body><p>Thank you for your order <strong>")
                .append(order.id())
                .append("</strong>.</p><table>");
        for (OrderItem item : order.items()) {
            String amount = format(item.lineTotal(), order.currency());
            text.append(item.quantity().value())
                    .append(" × ")
                    .append(item.title())
                    .append("  ")
                    .append(amount)
                    .append('\n');
            html.append("<tr><td>")
                    .append(item.quantity().value())
                    .append(" &times; ")
                    .append(escape(item.title()))
                    .append("</td><td>")
                    .append(amount)
                    .append("</td></tr>");
        }
        String total = format(order.total(), order.currency());
        text.append("\nTotal: ").append(total).append('\n');
        html.append("<tr><td><strong>Total</strong></td><td><strong>")
                .append(total)
                .append("</strong></td></tr></table></body></html>");
        return new OutboxMail(
                ids.newId(),
                "order-confirmation:" + order.id(),
                to,
                "Your Bookshop order " + order.id(),
                text.toString(),
                html.toString(),
                now,
                0);
    }

    public static String format(Money amount, Currency currency) {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        long unit = (long) Math.pow(10, digits);
        String minor = digits == 0 ? "" : "." + String.format("%0" + digits + "d", amount.cents() % unit);
        return (amount.cents() / unit) + minor + " " + currency.getCurrencyCode();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
