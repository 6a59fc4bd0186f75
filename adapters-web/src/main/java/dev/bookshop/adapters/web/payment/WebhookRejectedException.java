package dev.bookshop.adapters.web.payment;

/** A webhook delivery whose signature does not hold; answered 400 so the provider's dashboard shows it. */
public final class WebhookRejectedException extends RuntimeException {
    public WebhookRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
