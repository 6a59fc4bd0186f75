package dev.bookshop.domain.order;

import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.shipping.ShippingChoice;
import dev.bookshop.domain.tax.CheckoutTotals;
import dev.bookshop.domain.tax.TaxRate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a checkout of this cart charges, line by line, worked out once by {@link CheckoutTotals}. The quote a customer
 * is shown and the order placed from the same cart and choices are made by this one calculation, so they agree to the
 * cent, and so does the payment asked for the order's total.
 *
 * @param items the cart's lines as they would be sold, each with its share of the discount and its tax
 */
public record CheckoutQuote(
        List<OrderItem> items,
        OrderAmounts amounts,
        Optional<PostalAddress> shippingAddress,
        Optional<ShippingMethodSnapshot> shippingMethod,
        Currency currency) {

    public CheckoutQuote {
        items = List.copyOf(items);
        Objects.requireNonNull(amounts, "amounts");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(shippingMethod, "shippingMethod");
        Objects.requireNonNull(currency, "currency");
        if (items.isEmpty()) {
            throw new CartEmptyException();
        }
    }

    /**
     * Prices the cart at the books' current prices.
     *
     * @param books the cart's books by id; a line whose book is missing or inactive cannot be sold
     * @param discount what the order's discount takes off the goods, at most their price
     * @param rate the VAT rate of the shipping destination (zero when nothing is shipped)
     * @throws CartEmptyException when the cart has no lines
     * @throws ProductUnavailableException naming every line that cannot be sold
     */
    public static CheckoutQuote price(
            Cart cart,
            Map<ProductId, Product> books,
            ShippingChoice shipping,
            Money discount,
            TaxRate rate,
            Currency currency) {
        if (cart.isEmpty()) {
            throw new CartEmptyException();
        }
        List<ProductId> unavailable = cart.lines().stream()
                .map(CartLine::productId)
                .filter(id -> books.get(id) == null || !books.get(id).active())
                .toList();
        if (!unavailable.isEmpty()) {
            throw new ProductUnavailableException(unavailable);
        }
        List<Product> sold =
                cart.lines().stream().map(line -> books.get(line.productId())).toList();
        List<CheckoutTotals.Line> lines = new ArrayList<>();
        Money goods = Money.ZERO;
        for (int i = 0; i < sold.size(); i++) {
            CheckoutTotals.Line line = new CheckoutTotals.Line(
                    sold.get(i).price(), cart.lines().get(i).quantity());
            lines.add(line);
            goods = goods.plus(line.unitPrice().times(line.quantity().value()));
        }
        if (discount.compareTo(goods) > 0) {
            throw new InvalidValueException("discount", "the discount must not exceed what the goods cost");
        }
        // The free-shipping threshold is compared with what the goods cost once discounted.
        Money shippingPrice = shipping.priceFor(goods.minus(discount));
        CheckoutTotals totals = CheckoutTotals.of(lines, discount, shippingPrice, rate);
        List<OrderItem> items = new ArrayList<>(sold.size());
        for (int i = 0; i < sold.size(); i++) {
            Product book = sold.get(i);
            CheckoutTotals.LineAmounts amounts = totals.lines().get(i);
            items.add(new OrderItem(
                    Optional.of(book.id()),
                    book.title(),
                    amounts.unitPrice(),
                    amounts.quantity(),
                    amounts.discount(),
                    amounts.tax()));
        }
        return new CheckoutQuote(
                items,
                OrderAmounts.of(totals),
                shipping.address(),
                shipping.method().map(ShippingMethodSnapshot::of),
                currency);
    }

    public Money total() {
        return amounts.total();
    }
}
