package dev.bookshop.domain.order;

/**
 * What an order decided when asked to move. Each question has its own sealed set of answers, so a caller's switch
 * over it names every outcome that question can have and no other.
 */
public sealed interface OrderTransition {

    /** The order as it stands after the decision: the changed one, or the same one when nothing moved. */
    Order order();

    /** Answers {@link Order#answerCheckout}. */
    sealed interface OnCheckoutAnswer extends OrderTransition permits Paid, Failed, AwaitingPayment, Ignored {}

    /** Answers {@link Order#applyPayment}. */
    sealed interface OnPayment extends OrderTransition permits Paid, AmountMismatch, RefundDue, Ignored {}

    /** Answers {@link Order#declinePayment}. */
    sealed interface OnDecline extends OrderTransition permits AwaitingPayment, Ignored {}

    /** Answers {@link Order#fail}. */
    sealed interface OnFailure extends OrderTransition permits Failed, Ignored {}

    /** The order moved to PAID. */
    record Paid(Order order) implements OnCheckoutAnswer, OnPayment {}

    /** The order moved to FAILED; its reserved stock is to be returned. */
    record Failed(Order order) implements OnCheckoutAnswer, OnFailure {}

    /** The order stays PENDING until the provider reports the outcome. */
    record AwaitingPayment(Order order) implements OnCheckoutAnswer, OnDecline {}

    /** The order was settled already, so a repeated or late report changes nothing. */
    record Ignored(Order order) implements OnCheckoutAnswer, OnPayment, OnDecline, OnFailure {}

    /** The payment does not match the order's total or currency; the order stays as it is. */
    record AmountMismatch(Order order) implements OnPayment {}

    /**
     * The payment would settle an order that already FAILED: its books are back on sale, so the money must go back
     * rather than the order being revived.
     */
    record RefundDue(Order order) implements OnPayment {}
}
