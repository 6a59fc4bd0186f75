package dev.bookshop.application.payment.port.in;

/**
 * Applies a provider's payment outcome to its order, once per event id. Success pays a pending order (when amount
 * and currency match) and queues its confirmation mail; a success for another amount or currency is refunded and
 * recorded (the order keeps waiting until the expiry sweep ends it); a declined attempt is recorded and leaves the order pending, since the customer may try again;
 * cancellation fails a pending order and returns its stock; a success for an order that already failed is refunded.
 * Events for unknown orders change nothing.
 */
public interface HandlePaymentEventUseCase {
    void handle(PaymentEvent event);
}
