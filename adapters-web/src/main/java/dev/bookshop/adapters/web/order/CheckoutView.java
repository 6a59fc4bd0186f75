package dev.bookshop.adapters.web.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bookshop.application.order.port.in.CheckoutResult;
import java.util.Locale;

/** The checkout answer: the order placed and where its payment stands. */
public record CheckoutView(OrderView order, Payment payment) {

    public static CheckoutView of(CheckoutResult result) {
        var payment = result.payment();
        return new CheckoutView(
                OrderView.of(result.order()),
                new Payment(
                        payment.provider(),
                        payment.status().name().toLowerCase(Locale.ROOT),
                        payment.clientSecret().orElse(null)));
    }

    /**
     * {@code status} is {@code succeeded}, {@code pending} or {@code failed}; {@code clientSecret} is there only when
     * the frontend must confirm the payment with the provider.
     */
    public record Payment(
            String provider,
            String status,
            @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret) {}
}
