package dev.bookshop.application.order.port.in;

import dev.bookshop.domain.order.CheckoutQuote;
import dev.bookshop.domain.user.UserId;

/**
 * What a checkout of the caller's cart with these choices would charge, worked out exactly as the checkout does, and
 * refused for the same reasons (except stock, which only a checkout takes). Nothing is reserved or written.
 */
public interface QuoteCheckoutUseCase {

    CheckoutQuote quote(UserId userId, CheckoutRequest request);
}
