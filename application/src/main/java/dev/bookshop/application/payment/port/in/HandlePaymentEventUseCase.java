package dev.bookshop.application.payment.port.in;

/**
 * Applies a provider's payment outcome to its order, once per event id. Success pays a pending order (when amount
 * and currency match) and queues its confirmation mail; failure and cancellation fail a pending order and return its
 * stock; a success for an order that already expired is refunded. Events for unknown orders change nothing.
 */
public interface HandlePaymentEventUseCase {
    void handle(PaymentEvent event);
}
