package dev.bookshop.application.port.in;

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
        EnsureAdminUseCase ensureAdmin) {

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
    }
}
