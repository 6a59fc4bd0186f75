package dev.bookshop.bootstrap.metrics;

import dev.bookshop.application.payment.port.out.PaymentCancellation;
import dev.bookshop.application.payment.port.out.PaymentGateway;
import dev.bookshop.application.payment.port.out.PaymentRequest;
import dev.bookshop.application.payment.port.out.PaymentSession;
import dev.bookshop.domain.common.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link PaymentGateway} that counts what the provider answered: a started payment by its status ({@code
 * succeeded}, {@code pending}, {@code failed}) or {@code error} when the call failed, a refund as {@code succeeded}
 * or {@code error}. The calls themselves pass through untouched.
 */
final class CountedPaymentGateway implements PaymentGateway {

    static final String NAME = "bookshop.payments";

    private final PaymentGateway delegate;
    private final MeterRegistry registry;

    CountedPaymentGateway(PaymentGateway delegate, MeterRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate);
        this.registry = Objects.requireNonNull(registry);
    }

    @Override
    public String provider() {
        return delegate.provider();
    }

    @Override
    public PaymentSession startPayment(PaymentRequest request) {
        PaymentSession session;
        try {
            session = delegate.startPayment(request);
        } catch (RuntimeException e) {
            count("start", "error");
            throw e;
        }
        count("start", session.status().name().toLowerCase(Locale.ROOT));
        return session;
    }

    @Override
    public void refund(String paymentReference, Money amount, Currency currency, String idempotencyKey) {
        try {
            delegate.refund(paymentReference, amount, currency, idempotencyKey);
        } catch (RuntimeException e) {
            count("refund", "error");
            throw e;
        }
        count("refund", "succeeded");
    }

    @Override
    public PaymentCancellation cancel(String paymentReference, String idempotencyKey) {
        PaymentCancellation answer;
        try {
            answer = delegate.cancel(paymentReference, idempotencyKey);
        } catch (RuntimeException e) {
            count("cancel", "error");
            throw e;
        }
        count(
                "cancel",
                switch (answer) {
                    case PaymentCancellation.Canceled c -> "canceled";
                    case PaymentCancellation.AlreadySucceeded s -> "already_succeeded";
                    case PaymentCancellation.StillProcessing p -> "processing";
                });
        return answer;
    }

    private void count(String operation, String outcome) {
        Counter.builder(NAME)
                .description("Calls to the payment provider by operation and outcome")
                .tag("provider", delegate.provider())
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
