package dev.bookshop.application.order.service;

import dev.bookshop.application.address.port.out.AddressBookRepository;
import dev.bookshop.application.catalog.port.out.ProductRepository;
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
import dev.bookshop.domain.order.DiscountInvalidException;
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

    CheckoutPricing(
            ProductRepository products,
            AddressBookRepository addresses,
            ShippingMethodRepository shippingMethods,
            TaxRateRepository taxRates,
            Currency currency) {
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
    CheckoutQuote quote(UserId customer, Cart cart, CheckoutRequest request) {
        Optional<PostalAddress> address = shippingAddress(customer, request);
        Optional<ShippingMethod> method = request.shippingMethodId()
                .map(id -> shippingMethods
                        .findById(id)
                        .orElseThrow(() -> new ShippingUnavailableException(id, address.map(PostalAddress::country))));
        ShippingChoice shipping = ShippingChoice.choose(shippingMethods.anyActive(), address, method);
        TaxRate rate = shipping.destination().map(taxRates::rateFor).orElse(TaxRate.ZERO);
        Map<ProductId, Product> books = products.booksOf(cart.lines());
        Money discount = discountFor(customer, request.discountCode(), goods(cart, books));
        return CheckoutQuote.price(cart, books, shipping, discount, rate, currency);
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

    /**
     * What the code takes off goods worth {@code goods}. The shop has no discount codes yet, so every code is unknown;
     * the issue that brings codes resolves (and, at checkout, redeems) them here, and nowhere else needs to change.
     */
    Money discountFor(UserId customer, Optional<String> code, Money goods) {
        if (code.isPresent()) {
            throw new DiscountInvalidException(DiscountInvalidException.UNKNOWN);
        }
        return Money.ZERO;
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
