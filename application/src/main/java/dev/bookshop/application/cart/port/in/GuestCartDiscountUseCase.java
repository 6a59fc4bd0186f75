package dev.bookshop.application.cart.port.in;

/**
 * As {@link CartDiscountUseCase}, for a guest cart named by its token. Who the customer is cannot be known before
 * login, so the per-customer limit is left to checkout. The code comes along when the cart is merged into an account
 * that has none of its own.
 */
public interface GuestCartDiscountUseCase {

    CartView applyGuestDiscount(String cartToken, String code);

    CartView removeGuestDiscount(String cartToken);
}
