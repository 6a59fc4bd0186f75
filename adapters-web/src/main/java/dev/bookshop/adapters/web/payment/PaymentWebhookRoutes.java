package dev.bookshop.adapters.web.payment;

import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.http.WebError;
import dev.bookshop.adapters.web.http.WebException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/payments/stripe/webhook}: Stripe's event deliveries. The body is read raw, because the
 * signature covers the exact bytes Stripe sent. Without Stripe configured the route answers 404.
 */
public final class PaymentWebhookRoutes {

    public static final String STRIPE_SIGNATURE = "Stripe-Signature";
    private static final Map<String, Boolean> RECEIVED = Map.of("received", true);

    private final Optional<PaymentWebhook> stripe;

    public PaymentWebhookRoutes(Optional<PaymentWebhook> stripe) {
        this.stripe = stripe;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/payments/stripe/webhook", this::stripe, Access.PUBLIC);
    }

    private void stripe(Context ctx) {
        PaymentWebhook webhook = stripe.orElseThrow(
                () -> new WebException(WebError.NOT_FOUND, "Stripe payments are not enabled on this server."));
        try {
            // Stripe signs the UTF-8 bytes it sends; decoding by a declared charset (which may not even exist)
            // would either fail or change what the signature is checked against.
            webhook.receive(
                    new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8),
                    Optional.ofNullable(ctx.header(STRIPE_SIGNATURE)));
        } catch (WebhookRejectedException e) {
            throw new WebException(WebError.BAD_SIGNATURE, e.getMessage());
        }
        ctx.json(RECEIVED);
    }
}
