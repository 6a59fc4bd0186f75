package dev.bookshop.application.shared.port.out;

import dev.bookshop.application.account.port.out.AccountTokenRepository;
import dev.bookshop.application.account.port.out.RefreshTokenRepository;
import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.application.address.port.out.AddressBookRepository;
import dev.bookshop.application.cart.port.out.CartRepository;
import dev.bookshop.application.cart.port.out.GuestCartRepository;
import dev.bookshop.application.catalog.port.out.CatalogueInsights;
import dev.bookshop.application.catalog.port.out.CategoryRepository;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.discount.port.out.DiscountCodeRepository;
import dev.bookshop.application.mail.port.out.MailOutbox;
import dev.bookshop.application.order.port.out.IdempotencyRepository;
import dev.bookshop.application.order.port.out.OrderEventRepository;
import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.application.payment.port.out.ProcessedEventRepository;
import dev.bookshop.application.shipping.port.out.ShippingMethodRepository;
import dev.bookshop.application.shipping.port.out.TaxRateRepository;
import java.util.Objects;

/**
 * Everything one persistence adapter provides, as one bundle: the composition root picks an adapter and hands its
 * bundle to the services; the contract suite runs the same cases against every adapter's bundle.
 */
public record PersistencePorts(
        TransactionRunner transactions,
        UserRepository users,
        RefreshTokenRepository refreshTokens,
        CategoryRepository categories,
        ProductRepository products,
        CartRepository carts,
        OrderRepository orders,
        OrderEventRepository orderEvents,
        IdempotencyRepository idempotency,
        ProcessedEventRepository processedEvents,
        MailOutbox mailOutbox,
        CatalogueInsights insights,
        AccountTokenRepository accountTokens,
        AddressBookRepository addressBook,
        ShippingMethodRepository shippingMethods,
        TaxRateRepository taxRates,
        GuestCartRepository guestCarts,
        DiscountCodeRepository discountCodes) {

    public PersistencePorts {
        Objects.requireNonNull(transactions);
        Objects.requireNonNull(users);
        Objects.requireNonNull(refreshTokens);
        Objects.requireNonNull(categories);
        Objects.requireNonNull(products);
        Objects.requireNonNull(carts);
        Objects.requireNonNull(orders);
        Objects.requireNonNull(orderEvents);
        Objects.requireNonNull(idempotency);
        Objects.requireNonNull(processedEvents);
        Objects.requireNonNull(mailOutbox);
        Objects.requireNonNull(insights);
        Objects.requireNonNull(accountTokens);
        Objects.requireNonNull(addressBook);
        Objects.requireNonNull(shippingMethods);
        Objects.requireNonNull(taxRates);
        Objects.requireNonNull(guestCarts);
        Objects.requireNonNull(discountCodes);
    }
}
