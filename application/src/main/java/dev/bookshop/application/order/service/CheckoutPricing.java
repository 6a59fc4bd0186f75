package dev.bookshop.application.order.service;

import dev.bookshop.application.address.port.out.AddressBookRepository;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.discount.service.DiscountRedemptions;
import dev.bookshop.application.order.port.in.CheckoutRequest;
import dev.bookshop.application.shipping.port.out.ShippingMethodRepository;
import dev.bookshop.application.shipping.port.out.TaxRateRepository;
import dev.bookshop.domain.address.AddressNotFoundException;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.CheckoutQuote;
import dev.bookshop.domain.shipping.ShippingChoice;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingUnavailableException;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.UserId;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * Loads what a checkout's price depends on (the books, the address, the shipping method, the destination's VAT rate,
 * the discount) and lets the domain work it out. The quote and the checkout both price through here, so a quote is
 * exactly what the checkout that follows it charges. Call inside a transaction.
 */
final class CheckoutPricing {

    private final ProductRepository products;
    private final AddressBookRepository addresses;
    private final ShippingMethodRepository shippingMethods;
    private final TaxRateRepository taxRates;
    private final Currency currency;
    private final DiscountRedemptions discounts;

    CheckoutPricing(
            ProductRepository products,
            AddressBookRepository addresses,
            ShippingMethodRepository shippingMethods,
            TaxRateRepository taxRates,
            Currency currency,
            DiscountRedemptions discounts) {
        this.discounts = discounts;
        this.products = products;
        this.addresses = addresses;
        this.shippingMethods = shippingMethods;
        this.taxRates = taxRates;
        this.currency = currency;
    }

    /**
     * Refuses, in this order: an address id that is not the customer's (404), a method id the shop does not have, a
     * missing address or method while the shop ships, a method that cannot take the parcel, a discount code that
     * takes nothing off, and an empty cart or books no longer sold.
     */
    CheckoutQuote quote(UserId customer, Cart cart, CheckoutRequest request, Optional<String> code) {
        return price(customer, cart, request, code, false).quote();
    }

    /** A quote priced for placing an order, and the discount code it reserved (locked) for {@code customer}. */
    record Priced(CheckoutQuote quote, Optional<DiscountRedemptions.Reserved> discount) {}

    /**
     * As {@link #quote}, for the checkout that places the order: the discount code is locked and checked here, and
     * stays locked until the checkout's transaction ends, so the caller can redeem it once the order exists.
     */
    Priced priceForPlacing(UserId customer, Cart cart, CheckoutRequest request, Optional<String> code) {
        return price(customer, cart, request, code, true);
    }

    private Priced price(UserId customer, Cart cart, CheckoutRequest request, Optional<String> code, boolean reserve) {
        Optional<PostalAddress> address = shippingAddress(customer, request);
        Optional<ShippingMethod> method = request.shippingMethodId()
                .map(id -> shippingMethods
                        .findById(id)
                        .orElseThrow(() -> new ShippingUnavailableException(id, address.map(PostalAddress::country))));
        ShippingChoice shipping = ShippingChoice.choose(shippingMethods.anyActive(), address, method);
        TaxRate rate = shipping.destination().map(taxRates::rateFor).orElse(TaxRate.ZERO);
        Map<ProductId, Product> books = products.booksOf(cart.lines());
        Money goods = goods(cart, books);
        Optional<DiscountRedemptions.Reserved> reserved = Optional.empty();
        Money discount = Money.ZERO;
        if (code.isPresent() && reserve) {
            reserved = Optional.of(discounts.reserve(code.get(), goods, customer));
            discount = reserved.get().amount();
        } else if (code.isPresent()) {
            discount = discountFor(customer, code, goods);
        }
        return new Priced(CheckoutQuote.price(cart, books, shipping, discount, rate, currency), reserved);
    }

    private Optional<PostalAddress> shippingAddress(UserId customer, CheckoutRequest request) {
        if (request.shippingAddressId().isPresent()) {
            var id = request.shippingAddressId().get();
            // An order keeps a copy: deleting or editing the entry later never changes where this order went.
            return Optional.of(addresses
                    .findById(customer, id)
                    .map(SavedAddress::address)
                    .orElseThrow(() -> new AddressNotFoundException(id)));
        }
        return request.shippingAddress();
    }

    /** What the code takes off goods worth {@code goods} for this customer, checked only: nothing is locked. */
    Money discountFor(UserId customer, Optional<String> code, Money goods) {
        return code.map(c -> discounts.amountOff(c, goods, Optional.of(customer)))
                .orElse(Money.ZERO);
    }

    /** The goods at their current prices; lines whose book is gone count nothing (the quote refuses them anyway). */
    private static Money goods(Cart cart, Map<ProductId, Product> books) {
        return cart.lines().stream()
                .filter(line -> books.containsKey(line.productId()))
                .map(line -> books.get(line.productId())
                        .price()
                        .times(line.quantity().value()))
                .reduce(Money.ZERO, Money::plus);
    }
}
