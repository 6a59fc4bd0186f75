package dev.bookshop.adapters.persistence.contract.usecases.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.order.port.in.CheckoutRequest;
import dev.bookshop.application.order.port.in.CheckoutResult;
import dev.bookshop.application.shipping.port.in.NewShippingMethod;
import dev.bookshop.application.shipping.port.in.ShippingMethodChanges;
import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.CheckoutQuote;
import dev.bookshop.domain.order.DiscountInvalidException;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderAmounts;
import dev.bookshop.domain.order.ShippingMethodSnapshot;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.User;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Checking out to an address with a shipping method: the quote and the order agree to the cent, every refusal comes
 * before anything is reserved, and a shop without shipping sells as it always did.
 */
public abstract class ShippingCheckoutUseCases extends UseCaseTestBase {

    private static final CountryCode DE = new CountryCode("DE");
    private static final CountryCode AT = new CountryCode("AT");

    private static PostalAddress berlin() {
        return PostalAddress.of("Ann Reader", "Hauptstraße 1", null, "Berlin", "10115", null, "DE", "+49 30 5550100");
    }

    private static PostalAddress paris() {
        return PostalAddress.of("Bea Reader", "1 rue de Rivoli", null, "Paris", "75001", null, "FR", null);
    }

    private ShippingMethod method(String name, long priceCents, Optional<Long> freeOverCents, CountryCode... to) {
        return shop.adminShipping()
                .createShippingMethod(
                        admin.id(),
                        new NewShippingMethod(
                                name, Set.of(to), Money.ofCents(priceCents), freeOverCents.map(Money::ofCents), true));
    }

    private ShippingMethod standard() {
        return method("Standard", 490, Optional.of(5000L), DE, AT);
    }

    private void germanVat() {
        shop.adminTaxRates().setTaxRate(admin.id(), DE, TaxRate.ofBasisPoints(700));
    }

    private SavedAddress saved(User user, PostalAddress address) {
        return shop.addAddress().addAddress(user.id(), address);
    }

    private static CheckoutRequest toSaved(SavedAddress address, ShippingMethod method) {
        return new CheckoutRequest(
                Optional.of(address.id()), Optional.empty(), Optional.of(method.id()), Optional.empty());
    }

    private static CheckoutRequest inline(PostalAddress address, ShippingMethod method) {
        return new CheckoutRequest(Optional.empty(), Optional.of(address), Optional.of(method.id()), Optional.empty());
    }

    private CheckoutQuote quote(User user, CheckoutRequest request) {
        return shop.quoteCheckout().quote(user.id(), request);
    }

    private CheckoutResult checkout(User user, CheckoutRequest request) {
        return shop.checkout().checkout(user.id(), request, Optional.empty());
    }

    @Test
    void theQuoteIsWhatTheOrderChargesAndWhatThePaymentAsksFor() {
        germanVat();
        ShippingMethod standard = standard();
        User user = customer();
        SavedAddress home = saved(user, berlin());
        Product pamphlet = book("Pamphlet", 333, 10);
        Product atlas = book("Atlas", 1250, 10);
        add(user, pamphlet, 3);
        add(user, atlas, 1);

        CheckoutQuote quote = quote(user, toSaved(home, standard));
        CheckoutResult result = checkout(user, toSaved(home, standard));

        // 999 holds 65.35 → 65, 1250 holds 81.78 → 82, shipping 490 holds 32.06 → 32.
        assertThat(quote.amounts())
                .isEqualTo(new OrderAmounts(
                        Money.ofCents(2249),
                        Money.ZERO,
                        Money.ofCents(490),
                        Money.ofCents(65 + 82 + 32),
                        TaxRate.ofBasisPoints(700)));
        assertThat(quote.total()).isEqualTo(Money.ofCents(2739));
        Order order = orderOf(result);
        assertThat(order.amounts()).isEqualTo(quote.amounts());
        assertThat(order.items()).isEqualTo(quote.items());
        assertThat(order.total()).isEqualTo(quote.total());
        assertThat(order.shippingAddress()).contains(berlin());
        assertThat(order.shippingMethod()).contains(new ShippingMethodSnapshot("Standard", Money.ofCents(490)));
        assertThat(payments.starts()).singleElement().satisfies(request -> {
            assertThat(request.amount()).isEqualTo(Money.ofCents(2739));
            assertThat(request.orderId()).isEqualTo(order.id());
        });
        assertThat(shop.deliverMail().deliverDueMail()).isEqualTo(1);
        assertThat(mailer.sent()).singleElement().satisfies(mail -> {
            assertThat(mail.textBody())
                    .contains(
                            "Subtotal: 22.49 EUR",
                            "Shipping: Standard 4.90 EUR",
                            "VAT included (7 %): 1.79 EUR",
                            "Total: 27.39 EUR",
                            "10115 Berlin");
            assertThat(mail.htmlBody()).contains("Subtotal", "Standard 4.90 EUR", "27.39 EUR", "Hauptstraße 1");
        });
    }

    @Test
    void anInlineAddressIsCopiedAndTheOrderKeepsItsCopyWhenTheBookEntryGoes() {
        ShippingMethod standard = standard();
        User user = customer();
        SavedAddress home = saved(user, berlin());
        add(user, book("Copy", 1000, 5), 1);

        Order order = orderOf(checkout(user, toSaved(home, standard)));
        shop.removeAddress().removeAddress(user.id(), home.id());

        assertThat(reread(order).shippingAddress()).contains(berlin());

        PostalAddress vienna = PostalAddress.of("Cleo", "Ring 1", "Top 3", "Wien", "1010", "Wien", "at", null);
        add(user, book("Inline", 1000, 5), 1);
        Order inlineOrder = orderOf(checkout(user, inline(vienna, standard)));
        assertThat(reread(inlineOrder).shippingAddress()).contains(vienna);
        assertThat(shop.listAddresses().listAddresses(user.id()))
                .as("an inline address is not saved to the book")
                .isEmpty();
    }

    @Test
    void theVatRateIsTheDestinationsAndZeroWhereThereIsNone() {
        germanVat();
        ShippingMethod standard = standard();
        User user = customer();
        Product book = book("Rated", 1070, 5);

        add(user, book, 1);
        CheckoutQuote toBerlin = quote(user, inline(berlin(), standard));
        CheckoutQuote toVienna = quote(
                user, inline(PostalAddress.of("Cleo", "Ring 1", null, "Wien", "1010", null, "AT", null), standard));

        assertThat(toBerlin.amounts().taxRate()).isEqualTo(TaxRate.ofBasisPoints(700));
        assertThat(toBerlin.items().getFirst().tax()).isEqualTo(Money.ofCents(70));
        assertThat(toVienna.amounts().taxRate())
                .as("Austria has no rate in this shop")
                .isEqualTo(TaxRate.ZERO);
        assertThat(toVienna.amounts().tax()).isEqualTo(Money.ZERO);
    }

    @Test
    void shippingIsFreeOnceTheGoodsReachTheThreshold() {
        ShippingMethod standard = standard();
        User user = customer();
        Product book = book("Threshold", 2500, 5);

        add(user, book, 1);
        assertThat(quote(user, inline(berlin(), standard)).amounts().shipping()).isEqualTo(Money.ofCents(490));
        add(user, book, 1);
        CheckoutQuote free = quote(user, inline(berlin(), standard));
        Order order = orderOf(checkout(user, inline(berlin(), standard)));

        assertThat(free.amounts().shipping()).isEqualTo(Money.ZERO);
        assertThat(order.amounts().shipping()).isEqualTo(Money.ZERO);
        assertThat(order.total()).isEqualTo(Money.ofCents(5000));
        assertThat(order.shippingMethod()).contains(new ShippingMethodSnapshot("Standard", Money.ofCents(490)));
    }

    @Test
    void eachRefusalHasItsCodeAndReservesNothing() {
        ShippingMethod standard = standard();
        ShippingMethod retired = method("Retired", 100, Optional.empty(), DE);
        shop.adminShipping()
                .updateShippingMethod(
                        admin.id(),
                        retired.id(),
                        new ShippingMethodChanges(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(false)));
        User user = customer();
        User other = customer();
        SavedAddress foreign = saved(other, berlin());
        Product book = book("Refused", 1000, 5);
        add(user, book, 2);

        refusedBoth(user, CheckoutRequest.NONE, ErrorCode.SHIPPING_ADDRESS_REQUIRED);
        refusedBoth(
                user,
                new CheckoutRequest(Optional.empty(), Optional.empty(), Optional.of(standard.id()), Optional.empty()),
                ErrorCode.SHIPPING_ADDRESS_REQUIRED);
        refusedBoth(
                user,
                new CheckoutRequest(Optional.empty(), Optional.of(berlin()), Optional.empty(), Optional.empty()),
                ErrorCode.SHIPPING_METHOD_REQUIRED);
        refusedBoth(user, inline(paris(), standard), ErrorCode.SHIPPING_UNAVAILABLE);
        refusedBoth(user, inline(berlin(), retired), ErrorCode.SHIPPING_UNAVAILABLE);
        refusedBoth(
                user,
                new CheckoutRequest(
                        Optional.empty(),
                        Optional.of(berlin()),
                        Optional.of(ShippingMethodId.of(UUID.randomUUID())),
                        Optional.empty()),
                ErrorCode.SHIPPING_UNAVAILABLE);
        refusedBoth(user, toSaved(foreign, standard), ErrorCode.ADDRESS_NOT_FOUND);
        refusedBoth(
                user,
                new CheckoutRequest(
                        Optional.of(AddressId.of(UUID.randomUUID())),
                        Optional.empty(),
                        Optional.of(standard.id()),
                        Optional.empty()),
                ErrorCode.ADDRESS_NOT_FOUND);
        CheckoutRequest withCode = new CheckoutRequest(
                Optional.empty(), Optional.of(berlin()), Optional.of(standard.id()), Optional.of("WELCOME10"));
        refusedBoth(user, withCode, ErrorCode.DISCOUNT_INVALID);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkout(user, withCode))
                .isInstanceOfSatisfying(
                        DiscountInvalidException.class,
                        e -> assertThat(e.reason()).isEqualTo("unknown"));

        assertThat(stockOf(book)).as("nothing reserved").isEqualTo(5);
        assertThat(orderCount(user)).isZero();
        assertThat(payments.starts()).isEmpty();
        assertThat(shop.getCart().getCart(user.id()).items()).hasSize(1);
    }

    private void refusedBoth(User user, CheckoutRequest request, ErrorCode code) {
        ThrowingCallable quoting = () -> quote(user, request);
        ThrowingCallable checkingOut = () -> checkout(user, request);
        assertRefused(quoting, code);
        assertRefused(checkingOut, code);
    }

    @Test
    void aQuoteReservesNothingAndWritesNothing() {
        ShippingMethod standard = standard();
        User user = customer();
        Product book = book("Quoted", 1000, 3);
        add(user, book, 3);

        CheckoutQuote quote = quote(user, inline(berlin(), standard));

        assertThat(quote.total()).isEqualTo(Money.ofCents(3490));
        assertThat(stockOf(book)).isEqualTo(3);
        assertThat(orderCount(user)).isZero();
        assertThat(payments.starts()).isEmpty();
        assertThat(shop.getCart().getCart(user.id()).items()).hasSize(1);
        assertRefused(() -> quote(customer(), inline(berlin(), standard)), ErrorCode.CART_EMPTY);
    }

    @Test
    void aShopWithoutShippingSellsAsBeforeAndAnAddressIsOptional() {
        germanVat();
        User user = customer();
        Product book = book("No shipping", 1070, 5);
        add(user, book, 1);

        CheckoutQuote quote = quote(user, CheckoutRequest.NONE);
        Order order = orderOf(checkout(user));

        assertThat(quote.amounts()).isEqualTo(OrderAmounts.untaxed(Money.ofCents(1070)));
        assertThat(order.amounts()).isEqualTo(quote.amounts());
        assertThat(order.shippingAddress()).isEmpty();
        assertThat(order.shippingMethod()).isEmpty();

        add(user, book, 1);
        Order addressed = orderOf(checkout(
                user,
                new CheckoutRequest(Optional.empty(), Optional.of(berlin()), Optional.empty(), Optional.empty())));
        assertThat(addressed.shippingAddress()).contains(berlin());
        assertThat(addressed.amounts().shipping()).isEqualTo(Money.ZERO);
        assertThat(addressed.amounts().tax())
                .as("taxed at the destination's rate")
                .isEqualTo(Money.ofCents(70));
    }

    @Test
    void aRetryWithTheSameKeyAndChoicesReplaysAndOtherChoicesAreRefused() {
        ShippingMethod standard = standard();
        ShippingMethod express = method("Express", 1290, Optional.empty(), DE);
        User user = customer();
        Product book = book("Keyed", 1000, 5);
        add(user, book, 1);
        IdempotencyKey key = freshKey("ship");

        CheckoutResult first = shop.checkout().checkout(user.id(), inline(berlin(), standard), Optional.of(key));
        CheckoutResult again = shop.checkout().checkout(user.id(), inline(berlin(), standard), Optional.of(key));

        assertThat(again.replayed()).isTrue();
        assertThat(again.order().id()).isEqualTo(first.order().id());
        assertRefused(
                () -> shop.checkout().checkout(user.id(), inline(berlin(), express), Optional.of(key)),
                ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertRefused(
                () -> shop.checkout().checkout(user.id(), CheckoutRequest.NONE, Optional.of(key)),
                ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(stockOf(book)).isEqualTo(4);
        assertThat(orderCount(user)).isEqualTo(1);
    }
}
