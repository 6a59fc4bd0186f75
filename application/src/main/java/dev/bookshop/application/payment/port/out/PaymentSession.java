package dev.bookshop.application.payment.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * The provider's answer to a payment start: its reference for the payment, where it stands, and for payments the
 * customer still has to confirm, the secret the frontend needs to do so.
 */
public record PaymentSession(String reference, Status status, Optional<String> clientSecret) {

    public enum Status {
        /** Captured already (the fake provider). */
        SUCCEEDED,
        /** Waiting for the customer; the outcome arrives later as a provider event. */
        PENDING,
        /** Refused outright. */
        FAILED
    }

    public PaymentSession {
        Objects.requireNonNull(reference);
        Objects.requireNonNull(status);
        Objects.requireNonNull(clientSecret);
    }
}
