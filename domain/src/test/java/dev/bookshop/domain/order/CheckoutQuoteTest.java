package dev.bookshop.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.catalog.Books;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.shipping.ShippingChoice;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CheckoutQuoteTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UserId ANN = UserId.of(UUID.randomUUID());
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final TaxRate DE_BOOKS = TaxRate.ofBasisPoints(700);
    private static final PostalAddress BERLIN =
            PostalAddress.of("Ann Reader", "Hauptstraße 1", null, "Berlin", "10115", null, "DE", null);
    private static final ShippingMethod STANDARD = ShippingMethod.create(
            ShippingMethodId.of(UUID.randomUUID()),
            "Standard",
            Set.of(new CountryCode("DE")),
            Money.ofCents(490),
            Optional.of(Money.ofCents(5000)));
    private static final ShippingChoice TO_BERLIN =
            ShippingChoice.choose(true, Optional.of(BERLIN), Optional.of(STANDARD));

    static Product book(String title, long priceCents) {
        return Product.create(
                ProductId.of(UUID.randomUUID()),
                Slug.fromText(title),
                Books.details(title),
                Price.ofCents(priceCents),
                Stock.of(100),
                List.of(),
                Books.CREATED);
    }

    static Cart cart(Map<Product, Integer> lines) {
        Cart cart = Cart.empty(ANN, NOW);
        for (var line : lines.entrySet()) {
            cart = cart.add(line.getKey(), Quantity.of(line.getValue()), 50, NOW);
        }
        return cart;
    }

    static Map<ProductId, Product> byId(Product... books) {
        return Stream.of(books).collect(Collectors.toMap(Product::id, Function.identity()));
    }

    @Test
    void threeBooksAt333UnderSevenPercentTaxTheLineOnceAndShippingOnItsOwn() {
        Product pamphlet = book("Pamphlet", 333);

        CheckoutQuote quote =
                CheckoutQuote.price(cart(Map.of(pamphlet, 3)), byId(pamphlet), TO_BERLIN, Money.ZERO, DE_BOOKS, EUR);

        // 999 × 700 / 10700 = 65.35 → 65; 490 × 700 / 10700 = 32.06 → 32.
        assertThat(quote.items()).singleElement().satisfies(item -> {
            assertThat(item.lineTotal()).isEqualTo(Money.ofCents(999));
            assertThat(item.tax()).isEqualTo(Money.ofCents(65));
            assertThat(item.discount()).isEqualTo(Money.ZERO);
            assertThat(item.title()).isEqualTo("Pamphlet");
            assertThat(item.productId()).contains(pamphlet.id());
        });
        assertThat(quote.amounts())
                .isEqualTo(new OrderAmounts(
                        Money.ofCents(999), Money.ZERO, Money.ofCents(490), Money.ofCents(97), DE_BOOKS));
        assertThat(quote.total()).isEqualTo(Money.ofCents(1489));
        assertThat(quote.shippingAddress()).contains(BERLIN);
        assertThat(quote.shippingMethod()).contains(new ShippingMethodSnapshot("Standard", Money.ofCents(490)));
        assertThat(quote.currency()).isEqualTo(EUR);
    }

    @Test
    void shippingIsFreeOnceTheDiscountedGoodsReachTheThreshold() {
        Product atlas = book("Atlas", 2500);

        CheckoutQuote free =
                CheckoutQuote.price(cart(Map.of(atlas, 2)), byId(atlas), TO_BERLIN, Money.ZERO, DE_BOOKS, EUR);
        CheckoutQuote belowOnceDiscounted =
                CheckoutQuote.price(cart(Map.of(atlas, 2)), byId(atlas), TO_BERLIN, Money.ofCents(1), DE_BOOKS, EUR);

        assertThat(free.amounts().shipping()).isEqualTo(Money.ZERO);
        assertThat(free.shippingMethod())
                .as("the method's list price is kept beside the free shipping charged")
                .contains(new ShippingMethodSnapshot("Standard", Money.ofCents(490)));
        assertThat(free.total()).isEqualTo(Money.ofCents(5000));
        assertThat(belowOnceDiscounted.amounts().shipping()).isEqualTo(Money.ofCents(490));
        assertThat(belowOnceDiscounted.total()).isEqualTo(Money.ofCents(4999 + 490));
    }

    @Test
    void withoutShippingTheGoodsAreAllThereIsAndUntaxedWithoutADestination() {
        Product atlas = book("Atlas", 2500);

        CheckoutQuote quote = CheckoutQuote.price(
                cart(Map.of(atlas, 1)), byId(atlas), ShippingChoice.NONE, Money.ZERO, TaxRate.ZERO, EUR);

        assertThat(quote.amounts()).isEqualTo(OrderAmounts.untaxed(Money.ofCents(2500)));
        assertThat(quote.shippingAddress()).isEmpty();
        assertThat(quote.shippingMethod()).isEmpty();
    }

    @Test
    void anEmptyCartOrABookNoLongerSoldIsRefused() {
        Product atlas = book("Atlas", 2500);
        Product gone = book("Gone", 900);
        Product retired = book("Retired", 900);

        assertThatThrownBy(
                        () -> CheckoutQuote.price(Cart.empty(ANN, NOW), byId(), TO_BERLIN, Money.ZERO, DE_BOOKS, EUR))
                .isInstanceOf(CartEmptyException.class);
        assertThatThrownBy(() -> CheckoutQuote.price(
                        cart(Map.of(atlas, 1, gone, 1, retired, 1)),
                        byId(atlas, retired.activated(false, NOW)),
                        TO_BERLIN,
                        Money.ZERO,
                        DE_BOOKS,
                        EUR))
                .isInstanceOfSatisfying(
                        ProductUnavailableException.class,
                        e -> assertThat(e.productIds()).containsExactlyInAnyOrder(gone.id(), retired.id()));
    }

    @Test
    void anOrderPlacedFromAQuoteCarriesExactlyItsAmountsAndSnapshots() {
        Product pamphlet = book("Pamphlet", 333);
        Product atlas = book("Atlas", 1250);
        CheckoutQuote quote = CheckoutQuote.price(
                cart(Map.of(pamphlet, 3, atlas, 1)), byId(pamphlet, atlas), TO_BERLIN, Money.ZERO, DE_BOOKS, EUR);

        Order order = Order.place(OrderId.of(UUID.randomUUID()), ANN, quote, NOW);

        assertThat(order.items()).isEqualTo(quote.items());
        assertThat(order.amounts()).isEqualTo(quote.amounts());
        assertThat(order.total()).isEqualTo(quote.total());
        assertThat(order.shippingAddress()).contains(BERLIN);
        assertThat(order.shippingMethod()).isEqualTo(quote.shippingMethod());
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.isSettledBy(quote.total(), EUR)).isTrue();
        assertThat(order.markPaid(NOW).amounts())
                .as("a transition keeps the amounts")
                .isEqualTo(quote.amounts());
        assertThat(order.withPaymentReference("pi_1").shippingAddress()).contains(BERLIN);
    }
}
