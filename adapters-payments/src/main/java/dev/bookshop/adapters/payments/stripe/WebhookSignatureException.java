package dev.bookshop.adapters.payments.stripe;

/**
 * A webhook delivery that cannot be trusted: the {@code Stripe-Signature} header is missing, malformed, made with
 * another secret, for another payload, or too old. The message names which, and is safe to show the caller.
 */
public class WebhookSignatureException extends RuntimeException {

    public WebhookSignatureException(String message) {
        super(message);
    }

    public WebhookSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
