package dev.bookshop.application.payment.port.out;

/** The payment provider failed, refused the call, or did not answer in time. */
public class PaymentGatewayException extends RuntimeException {
    public PaymentGatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
