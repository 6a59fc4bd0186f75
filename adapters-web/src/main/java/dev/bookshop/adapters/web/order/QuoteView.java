package dev.bookshop.adapters.web.order;

import dev.bookshop.domain.order.CheckoutQuote;
import dev.bookshop.domain.order.OrderAmounts;
import java.util.List;

/** What a checkout with the same cart and choices would charge; the order it places carries exactly these amounts. */
public record QuoteView(
        List<OrderView.Item> lines,
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
                quote.items().stream().map(OrderView.Item::of).toList(),
                amounts.subtotal().cents(),
                amounts.discount().cents(),
                amounts.shipping().cents(),
                amounts.tax().cents(),
                quote.total().cents(),
                quote.currency().getCurrencyCode(),
                amounts.taxRate().basisPoints());
    }
}
