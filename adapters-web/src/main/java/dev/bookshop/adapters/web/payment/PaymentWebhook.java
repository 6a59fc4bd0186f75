package dev.bookshop.adapters.web.payment;

import java.util.Optional;

/**
 * A payment provider's event delivery. The composition root plugs in the provider's verifier: it checks the signature
 * over the raw body and hands the event to the payment use case. The web adapter only carries the bytes.
 */
@FunctionalInterface
public interface PaymentWebhook {

    /**
     * Verifies and applies one delivery.
     *
     * @throws WebhookRejectedException when the signature is missing, wrong or stale; nothing has changed then
     */
    void receive(String payload, Optional<String> signatureHeader);
}
