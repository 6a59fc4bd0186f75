package dev.bookshop.application.mail.service;

import dev.bookshop.application.mail.port.out.OutboxMail;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderAmounts;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.Email;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Writes the order confirmation mail, in plain text and HTML: the items, then subtotal, any discount, shipping, the VAT
 * included and the total, and where the order goes.
 */
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
        OrderAmounts amounts = order.amounts();
        List<String[]> summary = new ArrayList<>();
        summary.add(new String[] {"Subtotal", format(amounts.subtotal(), order.currency())});
        if (amounts.discount().isPositive()) {
            summary.add(new String[] {"Discount", "-" + format(amounts.discount(), order.currency())});
        }
        String shipping = format(amounts.shipping(), order.currency());
        summary.add(new String[] {
            "Shipping",
            order.shippingMethod().map(m -> m.name() + " " + shipping).orElse(shipping)
        });
        summary.add(new String[] {
            "VAT included (" + percent(amounts.taxRate()) + ")", format(amounts.tax(), order.currency())
        });
        text.append('\n');
        for (String[] row : summary) {
            text.append(row[0]).append(": ").append(row[1]).append('\n');
            html.append("<tr><td>")
                    .append(escape(row[0]))
                    .append("</td><td>")
                    .append(escape(row[1]))
                    .append("</td></tr>");
        }
        String total = format(order.total(), order.currency());
        text.append("Total: ").append(total).append('\n');
        html.append("<tr><td><strong>Total</strong></td><td><strong>")
                .append(total)
                .append("</strong></td></tr></table>");
        order.shippingAddress().ifPresent(address -> {
            List<String> lines = addressLines(address);
            text.append("\nShipping to:\n").append(String.join("\n", lines)).append('\n');
            html.append("<p>Shipping to:<br>")
                    .append(String.join(
                            "<br>",
                            lines.stream().map(ConfirmationMails::escape).toList()))
                    .append("</p>");
        });
        html.append("</body></html>");
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

    /** The rate as people write it: 7 %, 5.5 %, 0 %. */
    static String percent(TaxRate rate) {
        return BigDecimal.valueOf(rate.basisPoints(), 2).stripTrailingZeros().toPlainString() + " %";
    }

    private static List<String> addressLines(PostalAddress address) {
        List<String> lines = new ArrayList<>();
        lines.add(address.name());
        lines.add(address.line1());
        address.line2().ifPresent(lines::add);
        lines.add(address.postalCode() + " " + address.city());
        address.region().ifPresent(lines::add);
        lines.add(address.country().value());
        return lines;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
