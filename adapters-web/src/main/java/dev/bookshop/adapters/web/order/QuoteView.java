package dev.bookshop.adapters.web.order;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.order.CheckoutQuote;
import dev.bookshop.domain.order.OrderAmounts;
import dev.bookshop.domain.order.OrderItem;
import java.util.List;

/** What a checkout with the same cart and choices would charge; the order it places carries exactly these amounts. */
public record QuoteView(
        List<Line> lines,
        long subtotalCents,
        long discountCents,
        long shippingCents,
        long taxCents,
        long totalCents,
        String currency,
        int taxRateBasisPoints) {

    public static QuoteView of(CheckoutQuote quote) {
        OrderAmounts amounts = quote.amounts();
        return new QuoteView(
                quote.items().stream().map(Line::of).toList(),
                amounts.subtotal().cents(),
                amounts.discount().cents(),
                amounts.shipping().cents(),
                amounts.tax().cents(),
                quote.total().cents(),
                quote.currency().getCurrencyCode(),
                amounts.taxRate().basisPoints());
    }

    /** {@code lineTotalCents} is unit price × quantity; {@code taxCents} the VAT inside what is paid for the line. */
    public record Line(
            String productId, String title, long unitPriceCents, int quantity, long lineTotalCents, long taxCents) {

        static Line of(OrderItem item) {
            return new Line(
                    item.productId().map(ProductId::toString).orElseThrow(),
                    item.title(),
                    item.unitPrice().cents(),
                    item.quantity().value(),
                    item.lineTotal().cents(),
                    item.tax().cents());
        }
    }
}
