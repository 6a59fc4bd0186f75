package dev.bookshop.application.shared.port.in;

import dev.bookshop.application.account.port.in.AdminUsersUseCase;
import dev.bookshop.application.account.port.in.ChangeEmailUseCase;
import dev.bookshop.application.account.port.in.ChangePasswordUseCase;
import dev.bookshop.application.account.port.in.EnsureAdminUseCase;
import dev.bookshop.application.account.port.in.EraseAccountUseCase;
import dev.bookshop.application.account.port.in.ExportAccountDataUseCase;
import dev.bookshop.application.account.port.in.GetCurrentUserUseCase;
import dev.bookshop.application.account.port.in.LogInUseCase;
import dev.bookshop.application.account.port.in.LogOutUseCase;
import dev.bookshop.application.account.port.in.ManageSessionsUseCase;
import dev.bookshop.application.account.port.in.RefreshSessionUseCase;
import dev.bookshop.application.account.port.in.RequestPasswordResetUseCase;
import dev.bookshop.application.account.port.in.ResendVerificationUseCase;
import dev.bookshop.application.account.port.in.ResetPasswordUseCase;
import dev.bookshop.application.account.port.in.SignUpUseCase;
import dev.bookshop.application.account.port.in.VerifyEmailUseCase;
import dev.bookshop.application.address.port.in.AddAddressUseCase;
import dev.bookshop.application.address.port.in.ChangeAddressUseCase;
import dev.bookshop.application.address.port.in.ListAddressesUseCase;
import dev.bookshop.application.address.port.in.RemoveAddressUseCase;
import dev.bookshop.application.cart.port.in.AddToCartUseCase;
import dev.bookshop.application.cart.port.in.CartDiscountUseCase;
import dev.bookshop.application.cart.port.in.GetCartUseCase;
import dev.bookshop.application.cart.port.in.GuestCartDiscountUseCase;
import dev.bookshop.application.cart.port.in.GuestCartUseCase;
import dev.bookshop.application.cart.port.in.MergeGuestCartUseCase;
import dev.bookshop.application.cart.port.in.RemoveFromCartUseCase;
import dev.bookshop.application.cart.port.in.SetCartQuantityUseCase;
import dev.bookshop.application.catalog.port.in.AdminCatalogUseCase;
import dev.bookshop.application.catalog.port.in.BrowseProductsUseCase;
import dev.bookshop.application.catalog.port.in.CatalogueFacetsUseCase;
import dev.bookshop.application.catalog.port.in.GetProductUseCase;
import dev.bookshop.application.catalog.port.in.ListCategoriesUseCase;
import dev.bookshop.application.catalog.port.in.SearchProductsUseCase;
import dev.bookshop.application.catalog.port.in.SuggestBooksUseCase;
import dev.bookshop.application.discount.port.in.AdminDiscountsUseCase;
import dev.bookshop.application.housekeeping.port.in.PurgeExpiredDataUseCase;
import dev.bookshop.application.mail.port.in.DeliverMailUseCase;
import dev.bookshop.application.order.port.in.AdminOrdersUseCase;
import dev.bookshop.application.order.port.in.CheckoutUseCase;
import dev.bookshop.application.order.port.in.ExpirePendingOrdersUseCase;
import dev.bookshop.application.order.port.in.GetMyOrderUseCase;
import dev.bookshop.application.order.port.in.ListMyOrdersUseCase;
import dev.bookshop.application.order.port.in.QuoteCheckoutUseCase;
import dev.bookshop.application.payment.port.in.HandlePaymentEventUseCase;
import dev.bookshop.application.shipping.port.in.AdminShippingUseCase;
import dev.bookshop.application.shipping.port.in.AdminTaxRatesUseCase;
import dev.bookshop.application.shipping.port.in.ListShippingMethodsUseCase;
import java.util.Objects;

/** Every inbound port, as one bundle handed to the driving adapters by the composition root. */
public record UseCases(
        SignUpUseCase signUp,
        LogInUseCase logIn,
        RefreshSessionUseCase refreshSession,
        LogOutUseCase logOut,
        GetCurrentUserUseCase currentUser,
        ChangePasswordUseCase changePassword,
        BrowseProductsUseCase browseProducts,
        SearchProductsUseCase searchProducts,
        GetProductUseCase getProduct,
        ListCategoriesUseCase listCategories,
        GetCartUseCase getCart,
        AddToCartUseCase addToCart,
        RemoveFromCartUseCase removeFromCart,
        CheckoutUseCase checkout,
        ListMyOrdersUseCase listMyOrders,
        GetMyOrderUseCase getMyOrder,
        HandlePaymentEventUseCase handlePaymentEvent,
        ExpirePendingOrdersUseCase expirePendingOrders,
        DeliverMailUseCase deliverMail,
        AdminCatalogUseCase adminCatalog,
        AdminOrdersUseCase adminOrders,
        AdminUsersUseCase adminUsers,
        EnsureAdminUseCase ensureAdmin,
        PurgeExpiredDataUseCase purgeExpiredData,
        ManageSessionsUseCase manageSessions,
        ExportAccountDataUseCase exportAccountData,
        EraseAccountUseCase eraseAccount,
        CatalogueFacetsUseCase catalogueFacets,
        SuggestBooksUseCase suggestBooks,
        RequestPasswordResetUseCase requestPasswordReset,
        ResetPasswordUseCase resetPassword,
        VerifyEmailUseCase verifyEmail,
        ResendVerificationUseCase resendVerification,
        ChangeEmailUseCase changeEmail,
        ListAddressesUseCase listAddresses,
        AddAddressUseCase addAddress,
        ChangeAddressUseCase changeAddress,
        RemoveAddressUseCase removeAddress,
        AdminShippingUseCase adminShipping,
        ListShippingMethodsUseCase listShippingMethods,
        AdminTaxRatesUseCase adminTaxRates,
        QuoteCheckoutUseCase quoteCheckout,
        SetCartQuantityUseCase setCartQuantity,
        GuestCartUseCase guestCart,
        MergeGuestCartUseCase mergeGuestCart,
        AdminDiscountsUseCase adminDiscounts,
        CartDiscountUseCase cartDiscount,
        GuestCartDiscountUseCase guestCartDiscount) {

    public UseCases {
        Objects.requireNonNull(signUp);
        Objects.requireNonNull(logIn);
        Objects.requireNonNull(refreshSession);
        Objects.requireNonNull(logOut);
        Objects.requireNonNull(currentUser);
        Objects.requireNonNull(changePassword);
        Objects.requireNonNull(browseProducts);
        Objects.requireNonNull(searchProducts);
        Objects.requireNonNull(getProduct);
        Objects.requireNonNull(listCategories);
        Objects.requireNonNull(getCart);
        Objects.requireNonNull(addToCart);
        Objects.requireNonNull(removeFromCart);
        Objects.requireNonNull(checkout);
        Objects.requireNonNull(listMyOrders);
        Objects.requireNonNull(getMyOrder);
        Objects.requireNonNull(handlePaymentEvent);
        Objects.requireNonNull(expirePendingOrders);
        Objects.requireNonNull(deliverMail);
        Objects.requireNonNull(adminCatalog);
        Objects.requireNonNull(adminOrders);
        Objects.requireNonNull(adminUsers);
        Objects.requireNonNull(ensureAdmin);
        Objects.requireNonNull(purgeExpiredData);
        Objects.requireNonNull(manageSessions);
        Objects.requireNonNull(exportAccountData);
        Objects.requireNonNull(eraseAccount);
        Objects.requireNonNull(catalogueFacets);
        Objects.requireNonNull(suggestBooks);
        Objects.requireNonNull(requestPasswordReset);
        Objects.requireNonNull(resetPassword);
        Objects.requireNonNull(verifyEmail);
        Objects.requireNonNull(resendVerification);
        Objects.requireNonNull(changeEmail);
        Objects.requireNonNull(listAddresses);
        Objects.requireNonNull(addAddress);
        Objects.requireNonNull(changeAddress);
        Objects.requireNonNull(removeAddress);
        Objects.requireNonNull(adminShipping);
        Objects.requireNonNull(listShippingMethods);
        Objects.requireNonNull(adminTaxRates);
        Objects.requireNonNull(quoteCheckout);
        Objects.requireNonNull(setCartQuantity);
        Objects.requireNonNull(guestCart);
        Objects.requireNonNull(mergeGuestCart);
        Objects.requireNonNull(adminDiscounts);
        Objects.requireNonNull(cartDiscount);
        Objects.requireNonNull(guestCartDiscount);
    }
}
