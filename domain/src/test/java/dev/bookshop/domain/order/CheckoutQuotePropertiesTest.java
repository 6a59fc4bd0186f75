package dev.bookshop.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.shipping.ShippingChoice;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * For random carts, VAT rates, shipping prices, free thresholds and discounts, the quote a customer is shown, the
 * order placed from it and its line taxes agree to the cent.
 */
class CheckoutQuotePropertiesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UserId ANN = UserId.of(UUID.randomUUID());
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final PostalAddress VIENNA =
            PostalAddress.of("Ann Reader", "Ring 1", null, "Wien", "1010", null, "AT", null);

    /** A book's price and how many copies the cart holds. */
    record Line(long priceCents, int quantity) {}

    @Property(tries = 1_000)
    void quoteOrderAndLineTaxesAgree(
            @ForAll("carts") List<Line> lines,
            @ForAll @IntRange(min = 0, max = 10_000) int basisPoints,
            @ForAll @LongRange(min = 0, max = 5_000) long shippingCents,
            @ForAll @LongRange(min = 0, max = 20_000) long freeOverCents,
            @ForAll @IntRange(min = 0, max = 100) int discountPercent) {
        Cart cart = Cart.empty(ANN, NOW);
        Map<ProductId, Product> books = new HashMap<>();
        long goods = 0;
        for (int i = 0; i < lines.size(); i++) {
            Product book = CheckoutQuoteTest.book("Book " + i, lines.get(i).priceCents());
            books.put(book.id(), book);
            cart = cart.add(book, Quantity.of(lines.get(i).quantity()), 50, NOW);
            goods += lines.get(i).priceCents() * lines.get(i).quantity();
        }
        ShippingMethod method = ShippingMethod.create(
                ShippingMethodId.of(UUID.randomUUID()),
                "Standard",
                Set.of(new CountryCode("AT")),
                Money.ofCents(shippingCents),
                Optional.of(Money.ofCents(freeOverCents)));
        ShippingChoice shipping = ShippingChoice.choose(true, Optional.of(VIENNA), Optional.of(method));
        TaxRate rate = TaxRate.ofBasisPoints(basisPoints);
        Money discount = Money.ofCents(goods * discountPercent / 100);

        CheckoutQuote quote = CheckoutQuote.price(cart, books, shipping, discount, rate, EUR);
        Order order = Order.place(OrderId.of(UUID.randomUUID()), ANN, quote, NOW);

        OrderAmounts amounts = order.amounts();
        assertThat(amounts).isEqualTo(quote.amounts());
        assertThat(order.items()).isEqualTo(quote.items());
        assertThat(amounts.subtotal().cents()).isEqualTo(goods);
        assertThat(amounts.discount()).isEqualTo(discount);
        long expectedShipping = goods - discount.cents() >= freeOverCents ? 0 : shippingCents;
        assertThat(amounts.shipping().cents()).isEqualTo(expectedShipping);
        assertThat(order.total().cents()).isEqualTo(goods - discount.cents() + expectedShipping);
        assertThat(order.items().stream().mapToLong(i -> i.discount().cents()).sum())
                .isEqualTo(discount.cents());
        assertThat(order.items().stream()
                                .mapToLong(i -> i.discountedTotal().cents())
                                .sum()
                        + expectedShipping)
                .isEqualTo(order.total().cents());
        long lineTaxes = order.items().stream().mapToLong(i -> i.tax().cents()).sum();
        assertThat(lineTaxes + rate.taxIn(amounts.shipping()).cents())
                .isEqualTo(amounts.tax().cents());
        for (OrderItem item : order.items()) {
            assertThat(item.tax()).isEqualTo(rate.taxIn(item.discountedTotal()));
        }
        assertThat(order.isSettledBy(quote.total(), EUR)).isTrue();
    }

    @Provide
    Arbitrary<List<Line>> carts() {
        Arbitrary<Line> line = Combinators.combine(
                        Arbitraries.longs().between(1, 20_000),
                        Arbitraries.integers().between(1, 50))
                .as(Line::new);
        return line.list().ofMinSize(1).ofMaxSize(8);
    }
}
