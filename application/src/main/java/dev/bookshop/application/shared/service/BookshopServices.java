package dev.bookshop.application.shared.service;

import dev.bookshop.application.account.port.out.PasswordHasher;
import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.account.service.AccountDataService;
import dev.bookshop.application.account.service.AccountRecoveryService;
import dev.bookshop.application.account.service.AccountSettings;
import dev.bookshop.application.account.service.AdminAccountsService;
import dev.bookshop.application.account.service.AuthService;
import dev.bookshop.application.address.service.AddressBookService;
import dev.bookshop.application.cart.service.CartService;
import dev.bookshop.application.cart.service.CartViews;
import dev.bookshop.application.cart.service.GuestCartService;
import dev.bookshop.application.catalog.service.AdminCatalogService;
import dev.bookshop.application.catalog.service.CatalogService;
import dev.bookshop.application.catalog.service.CatalogueInsightService;
import dev.bookshop.application.discount.service.AdminDiscountService;
import dev.bookshop.application.discount.service.DiscountRedemptions;
import dev.bookshop.application.housekeeping.service.HousekeepingService;
import dev.bookshop.application.housekeeping.service.Retention;
import dev.bookshop.application.mail.port.out.Mailer;
import dev.bookshop.application.mail.service.ConfirmationMails;
import dev.bookshop.application.mail.service.MailDeliveryService;
import dev.bookshop.application.order.service.AdminOrdersService;
import dev.bookshop.application.order.service.CheckoutService;
import dev.bookshop.application.order.service.OrderLifecycle;
import dev.bookshop.application.order.service.OrderQueryService;
import dev.bookshop.application.payment.port.out.PaymentGateway;
import dev.bookshop.application.payment.service.PaymentOutcomeService;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.application.shipping.service.ShippingService;
import dev.bookshop.application.shipping.service.TaxRateService;
import java.time.Clock;

/** Builds every use case from the outbound adapters the composition root chose. */
public final class BookshopServices {

    private BookshopServices() {}

    /** With the default retention of {@link Retention#defaults()}. */
    public static UseCases create(
            PersistencePorts store,
            PasswordHasher hasher,
            PaymentGateway payments,
            Mailer mailer,
            Clock clock,
            IdGenerator ids,
            TokenGenerator tokens,
            ShopSettings settings) {
        return create(store, hasher, payments, mailer, clock, ids, tokens, settings, Retention.defaults());
    }

    public static UseCases create(
            PersistencePorts store,
            PasswordHasher hasher,
            PaymentGateway payments,
            Mailer mailer,
            Clock clock,
            IdGenerator ids,
            TokenGenerator tokens,
            ShopSettings settings,
            Retention retention) {
        return create(
                store, hasher, payments, mailer, clock, ids, tokens, settings, retention, AccountSettings.defaults());
    }

    public static UseCases create(
            PersistencePorts store,
            PasswordHasher hasher,
            PaymentGateway payments,
            Mailer mailer,
            Clock clock,
            IdGenerator ids,
            TokenGenerator tokens,
            ShopSettings settings,
            Retention retention,
            AccountSettings accountSettings) {
        var tx = store.transactions();
        var actors = new Actors(store.users());
        var discounts = new DiscountRedemptions(store.discountCodes(), clock);
        var lifecycle = new OrderLifecycle(
                store.orders(),
                store.products(),
                store.orderEvents(),
                store.users(),
                store.mailOutbox(),
                new ConfirmationMails(ids),
                discounts);
        var recovery = new AccountRecoveryService(
                tx,
                store.users(),
                store.refreshTokens(),
                store.accountTokens(),
                store.mailOutbox(),
                hasher,
                ids,
                tokens,
                clock,
                accountSettings);
        var auth = new AuthService(
                tx, store.users(), store.refreshTokens(), hasher, ids, tokens, clock, settings, recovery);
        var catalog =
                new CatalogService(store.products(), store.products(), store.categories(), settings.catalogueWindow());
        var insights = new CatalogueInsightService(store.insights());
        var cart = new CartService(
                tx,
                store.carts(),
                store.products(),
                actors,
                new CartViews(store.products(), settings.currency(), discounts),
                discounts,
                clock,
                settings.purchaseLimits().maxLineQuantity());
        var checkout = new CheckoutService(
                tx,
                store.carts(),
                store.products(),
                store.orders(),
                store.idempotency(),
                payments,
                lifecycle,
                actors,
                ids,
                clock,
                settings,
                accountSettings.requireVerifiedEmail(),
                store.addressBook(),
                store.shippingMethods(),
                store.taxRates(),
                discounts);
        var orders = new OrderQueryService(store.orders());
        var outcomes = new PaymentOutcomeService(
                tx, store.orders(), store.processedEvents(), payments, lifecycle, clock, settings);
        var mail = new MailDeliveryService(tx, store.mailOutbox(), mailer, clock);
        var adminCatalog = new AdminCatalogService(tx, store.products(), store.categories(), actors, ids, clock);
        var adminAccounts = new AdminAccountsService(tx, store.users(), store.refreshTokens(), actors);
        var adminOrders = new AdminOrdersService(store.orders(), actors);
        var housekeeping = new HousekeepingService(
                tx,
                HousekeepingService.standardPurges(store, retention, settings.sessionMaxAge(), settings.guestCartTtl()),
                clock,
                retention.batchSize());
        var accountData = new AccountDataService(
                tx,
                store.users(),
                store.refreshTokens(),
                store.carts(),
                store.orders(),
                store.mailOutbox(),
                store.addressBook(),
                hasher,
                clock,
                settings);
        var addressBook = new AddressBookService(tx, store.users(), store.addressBook(), ids, clock);
        var shipping = new ShippingService(tx, store.shippingMethods(), actors, ids);
        var taxRates = new TaxRateService(tx, store.taxRates(), actors);
        var guestCarts = new GuestCartService(
                tx,
                store.guestCarts(),
                store.carts(),
                store.products(),
                actors,
                new CartViews(store.products(), settings.currency(), discounts),
                tokens,
                clock,
                settings.purchaseLimits().maxLineQuantity(),
                settings.guestCartTtl(),
                discounts);
        var adminDiscounts = new AdminDiscountService(tx, store.discountCodes(), actors, ids, clock);
        return new UseCases(
                auth,
                auth,
                auth,
                auth,
                auth,
                auth,
                catalog,
                catalog,
                catalog,
                catalog,
                cart,
                cart,
                cart,
                checkout,
                orders,
                orders,
                outcomes,
                outcomes,
                mail,
                adminCatalog,
                adminOrders,
                adminAccounts,
                auth,
                housekeeping,
                accountData,
                accountData,
                accountData,
                insights,
                insights,
                recovery,
                recovery,
                recovery,
                recovery,
                recovery,
                addressBook,
                addressBook,
                addressBook,
                addressBook,
                shipping,
                shipping,
                taxRates,
                checkout,
                cart,
                guestCarts,
                guestCarts,
                adminDiscounts,
                cart,
                guestCarts);
    }
}
