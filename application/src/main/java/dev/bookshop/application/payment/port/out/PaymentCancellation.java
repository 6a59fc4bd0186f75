package dev.bookshop.application.payment.port.out;

import dev.bookshop.domain.common.Money;
import java.util.Currency;
import java.util.Objects;

/** The provider's answer to closing an open payment. */
public sealed interface PaymentCancellation {

    /** The payment is closed: nothing was or will be captured. */
    record Canceled() implements PaymentCancellation {}

    /** The payment succeeded before it could be closed; this much was captured. */
    record AlreadySucceeded(Money amount, Currency currency) implements PaymentCancellation {
        public AlreadySucceeded {
            Objects.requireNonNull(amount);
            Objects.requireNonNull(currency);
        }
    }

    /** The payment is being processed and can be neither closed nor counted yet; ask again later. */
    record StillProcessing() implements PaymentCancellation {}
}
