package dev.bookshop.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderTest {

    private static final OrderId ID = OrderId.of(UUID.randomUUID());
    private static final UserId ANN = UserId.of(UUID.randomUUID());
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant PLACED = Instant.parse("2026-04-01T08:00:00Z");
    private static final Instant PAID_AT = PLACED.plusSeconds(90);

    private static final OrderItem HOBBIT = new OrderItem(
            Optional.of(ProductId.of(UUID.randomUUID())), "The Hobbit", Money.ofCents(1299), Quantity.of(2));
    private static final OrderItem DUNE =
            new OrderItem(Optional.of(ProductId.of(UUID.randomUUID())), "Dune", Money.ofCents(999), Quantity.of(1));

    @Test
    void placingComputesTheTotalFromTheSnapshots() {
        Order order = place(List.of(HOBBIT, DUNE));

        assertThat(order.total()).isEqualTo(Money.ofCents(2 * 1299 + 999));
        assertThat(order.items()).containsExactly(HOBBIT, DUNE);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.currency()).isEqualTo(EUR);
        assertThat(order.createdAt()).isEqualTo(PLACED);
        assertThat(order.paidAt()).isEmpty();
        assertThat(order.paymentReference()).isEmpty();
        assertThat(order.belongsTo(ANN)).isTrue();
        assertThat(order.belongsTo(UserId.of(UUID.randomUUID()))).isFalse();
    }

    @Test
    void placingWithoutItemsIsRefusedAsAnEmptyCart() {
        assertThatThrownBy(() -> place(List.of()))
                .isInstanceOfSatisfying(
                        CartEmptyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CART_EMPTY));
    }

    @Test
    void aSnapshotKeepsTheBookEvenWhenTheProductIsGone() {
        OrderItem orphan = new OrderItem(Optional.empty(), "  Out of print ", Money.ofCents(500), Quantity.of(3));

        Order order = place(List.of(orphan));

        assertThat(order.items().getFirst().title()).isEqualTo("Out of print");
        assertThat(order.total()).isEqualTo(Money.ofCents(1500));
        assertThat(orphan.lineTotal()).isEqualTo(Money.ofCents(1500));
    }

    @Test
    void payingAPendingOrderSetsPaidAt() {
        Order pending = place(List.of(HOBBIT));

        Order paid = pending.markPaid(PAID_AT);

        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.paidAt()).contains(PAID_AT);
        assertThat(paid.total()).isEqualTo(pending.total());
        assertThat(pending.status()).as("the original is unchanged").isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void aPendingOrderCanFail() {
        Order failed = place(List.of(HOBBIT)).markFailed();

        assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(failed.paidAt()).isEmpty();
    }

    static Stream<Arguments> forbiddenTransitions() {
        UnaryOperator<Order> pay = o -> o.markPaid(PAID_AT);
        UnaryOperator<Order> fail = Order::markFailed;
        return Stream.of(
                Arguments.of("PAID -> FAILED", pay, fail, OrderStatus.PAID, OrderStatus.FAILED),
                Arguments.of("PAID -> PAID", pay, pay, OrderStatus.PAID, OrderStatus.PAID),
                Arguments.of("FAILED -> PAID", fail, pay, OrderStatus.FAILED, OrderStatus.PAID),
                Arguments.of("FAILED -> FAILED", fail, fail, OrderStatus.FAILED, OrderStatus.FAILED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenTransitions")
    void everyOtherTransitionIsRefused(
            String name, UnaryOperator<Order> first, UnaryOperator<Order> second, OrderStatus from, OrderStatus to) {
        Order settled = first.apply(place(List.of(HOBBIT)));

        assertThatThrownBy(() -> second.apply(settled))
                .isInstanceOfSatisfying(IllegalOrderTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.to()).isEqualTo(to);
                    assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_ORDER_TRANSITION);
                })
                .hasMessageContaining(ID.toString());
    }

    @Test
    void isSettledOnlyByTheExactAmountInTheOrderCurrency() {
        Order order = place(List.of(HOBBIT, DUNE));
        Money total = Money.ofCents(3597);

        assertThat(order.isSettledBy(total, EUR)).isTrue();
        assertThat(order.isSettledBy(Money.ofCents(3596), EUR)).isFalse();
        assertThat(order.isSettledBy(Money.ofCents(3598), EUR)).isFalse();
        assertThat(order.isSettledBy(total, USD)).isFalse();
    }

    @Test
    void aPendingOrderAwaitsPaymentFromTheMomentItWasPlaced() {
        Order order = place(List.of(HOBBIT));

        assertThat(order.isAwaitingPayment()).isTrue();
        assertThat(order.hasFailed()).isFalse();
        assertThat(order.isAwaitingPaymentSince(PLACED.plusNanos(1))).isTrue();
        assertThat(order.isAwaitingPaymentSince(PLACED.plus(Duration.ofHours(5))))
                .isTrue();
        assertThat(order.isAwaitingPaymentSince(PLACED)).isFalse();
        assertThat(order.isAwaitingPaymentSince(PLACED.minusSeconds(1))).isFalse();
    }

    @Test
    void aSettledOrderNoLongerAwaitsPayment() {
        Instant muchLater = PLACED.plus(Duration.ofDays(2));
        Order paid = place(List.of(HOBBIT)).markPaid(PAID_AT);
        Order failed = place(List.of(HOBBIT)).markFailed();

        assertThat(paid.isAwaitingPayment()).isFalse();
        assertThat(paid.isAwaitingPaymentSince(muchLater)).isFalse();
        assertThat(paid.hasFailed()).isFalse();
        assertThat(failed.isAwaitingPayment()).isFalse();
        assertThat(failed.isAwaitingPaymentSince(muchLater)).isFalse();
        assertThat(failed.hasFailed()).isTrue();
    }

    @Test
    void aMatchingPaymentPaysAPendingOrder() {
        Order pending = place(List.of(HOBBIT)).withPaymentReference("pi_1");

        OrderTransition.OnPayment outcome = pending.applyPayment(pending.total(), EUR, PAID_AT);

        assertThat(outcome).isEqualTo(new OrderTransition.Paid(pending.markPaid(PAID_AT)));
        assertThat(outcome.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(outcome.order().paidAt()).contains(PAID_AT);
        assertThat(outcome.order().paymentReference()).contains("pi_1");
    }

    static Stream<Arguments> wrongPayments() {
        return Stream.of(
                Arguments.of("one cent short", Money.ofCents(2597), EUR),
                Arguments.of("one cent over", Money.ofCents(2599), EUR),
                Arguments.of("another currency", Money.ofCents(2598), USD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongPayments")
    void aPaymentOfTheWrongAmountOrCurrencyChangesNoOrderWhateverItsStatus(
            String name, Money amount, Currency paidCurrency) {
        Order pending = place(List.of(HOBBIT));
        Order paid = pending.markPaid(PAID_AT);
        Order failed = pending.markFailed();

        for (Order order : List.of(pending, paid, failed)) {
            assertThat(order.applyPayment(amount, paidCurrency, PAID_AT.plusSeconds(60)))
                    .as(order.status().name())
                    .isEqualTo(new OrderTransition.AmountMismatch(order));
        }
    }

    @Test
    void aPaymentForAFailedOrderIsDueBackRatherThanReviving() {
        Order failed = place(List.of(HOBBIT)).markFailed();

        assertThat(failed.applyPayment(failed.total(), EUR, PAID_AT)).isEqualTo(new OrderTransition.RefundDue(failed));
    }

    @Test
    void aRepeatedPaymentOfAPaidOrderIsIgnored() {
        Order paid = place(List.of(HOBBIT)).markPaid(PAID_AT);

        OrderTransition.OnPayment again = paid.applyPayment(paid.total(), EUR, PAID_AT.plusSeconds(60));

        assertThat(again).isEqualTo(new OrderTransition.Ignored(paid));
        assertThat(again.order().paidAt()).as("the first payment time stays").contains(PAID_AT);
    }

    @Test
    void failingAPendingOrderMovesItToFailed() {
        Order pending = place(List.of(HOBBIT));

        OrderTransition.OnFailure outcome = pending.fail();

        assertThat(outcome).isEqualTo(new OrderTransition.Failed(pending.markFailed()));
        assertThat(outcome.order().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(outcome.order().paidAt()).isEmpty();
    }

    @Test
    void failingASettledOrderIsIgnored() {
        Order paid = place(List.of(HOBBIT)).markPaid(PAID_AT);
        Order failed = place(List.of(HOBBIT)).markFailed();

        assertThat(paid.fail()).isEqualTo(new OrderTransition.Ignored(paid));
        assertThat(failed.fail()).as("a second failure").isEqualTo(new OrderTransition.Ignored(failed));
    }

    @Test
    void aSucceededFirstAnswerPaysAPendingOrder() {
        Order pending = place(List.of(HOBBIT));

        assertThat(pending.answerCheckout(PaymentAnswer.SUCCEEDED, PAID_AT))
                .isEqualTo(new OrderTransition.Paid(pending.markPaid(PAID_AT)));
    }

    @Test
    void aFailedFirstAnswerFailsAPendingOrder() {
        Order pending = place(List.of(HOBBIT));

        assertThat(pending.answerCheckout(PaymentAnswer.FAILED, PAID_AT))
                .isEqualTo(new OrderTransition.Failed(pending.markFailed()));
    }

    @Test
    void aPendingFirstAnswerLeavesTheOrderAwaitingPayment() {
        Order pending = place(List.of(HOBBIT));

        assertThat(pending.answerCheckout(PaymentAnswer.PENDING, PAID_AT))
                .isEqualTo(new OrderTransition.AwaitingPayment(pending));
    }

    static Stream<Arguments> lateFirstAnswers() {
        Order paid = place(List.of(HOBBIT)).markPaid(PAID_AT);
        Order failed = place(List.of(HOBBIT)).markFailed();
        return Stream.of(PaymentAnswer.values())
                .flatMap(answer -> Stream.of(
                        Arguments.of("PAID, then " + answer, paid, answer),
                        Arguments.of("FAILED, then " + answer, failed, answer)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lateFirstAnswers")
    void aFirstAnswerForAnOrderAProviderEventSettledAlreadyIsIgnored(String name, Order settled, PaymentAnswer answer) {
        assertThat(settled.answerCheckout(answer, PAID_AT.plusSeconds(60)))
                .isEqualTo(new OrderTransition.Ignored(settled));
    }

    @Test
    void thePaymentReferenceIsKeptThroughTransitions() {
        Order order = place(List.of(HOBBIT)).withPaymentReference("cs_test_123");

        assertThat(order.paymentReference()).contains("cs_test_123");
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.markPaid(PAID_AT).paymentReference()).contains("cs_test_123");
        assertThat(order.markFailed().paymentReference()).contains("cs_test_123");
        assertThat(order.applyPayment(order.total(), EUR, PAID_AT).order().paymentReference())
                .contains("cs_test_123");
        assertThat(order.fail().order().paymentReference()).contains("cs_test_123");
    }

    @Test
    void rehydrateRebuildsWhatWasStoredButRefusesImpossibleOrders() {
        Order stored = Order.rehydrate(
                ID,
                ANN,
                List.of(HOBBIT),
                OrderAmounts.untaxed(Money.ofCents(2598)),
                Optional.empty(),
                Optional.empty(),
                EUR,
                OrderStatus.PAID,
                Optional.of("pi_1"),
                PLACED,
                Optional.of(PAID_AT));

        assertThat(stored)
                .isEqualTo(place(List.of(HOBBIT)).withPaymentReference("pi_1").markPaid(PAID_AT));
        assertThatThrownBy(() -> Order.rehydrate(
                        ID,
                        ANN,
                        List.of(HOBBIT),
                        OrderAmounts.untaxed(Money.ofCents(2598)),
                        Optional.empty(),
                        Optional.empty(),
                        EUR,
                        OrderStatus.PAID,
                        Optional.empty(),
                        PLACED,
                        Optional.empty()))
                .as("a paid order without a payment time")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Order.rehydrate(
                        ID,
                        ANN,
                        List.of(),
                        OrderAmounts.untaxed(Money.ZERO),
                        Optional.empty(),
                        Optional.empty(),
                        EUR,
                        OrderStatus.PENDING,
                        Optional.empty(),
                        PLACED,
                        Optional.empty()))
                .as("an order without items")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theItemsCannotBeChangedFromOutside() {
        Order order = place(new ArrayList<>(List.of(HOBBIT)));

        assertThatThrownBy(() -> order.items().add(DUNE)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static Order place(List<OrderItem> items) {
        return Order.place(ID, ANN, items, EUR, PLACED);
    }

    @Test
    void aDeclinedCardLeavesAPendingOrderWaitingForAnotherTry() {
        Order pending = place(List.of(HOBBIT));

        OrderTransition.OnDecline decision = pending.declinePayment();

        assertThat(decision).isInstanceOf(OrderTransition.AwaitingPayment.class);
        assertThat(decision.order()).isSameAs(pending);
        assertThat(decision.order().status()).isEqualTo(OrderStatus.PENDING);
        // The customer retries with another card on the same payment: that success pays the order.
        assertThat(pending.applyPayment(pending.total(), EUR, PAID_AT)).isInstanceOf(OrderTransition.Paid.class);
    }

    @Test
    void aDeclineReportedAfterTheOrderWasSettledChangesNothing() {
        Order paid = place(List.of(HOBBIT)).markPaid(PAID_AT);
        Order failed = place(List.of(HOBBIT)).markFailed();

        assertThat(paid.declinePayment()).isEqualTo(new OrderTransition.Ignored(paid));
        assertThat(failed.declinePayment()).isEqualTo(new OrderTransition.Ignored(failed));
    }

    @Test
    void purchaseLimitsRefuseAnOrderOverItsUnitsAndAFourthUnpaidOrder() {
        PurchaseLimits limits = new PurchaseLimits(50, 100, 3);
        UserId owner = ANN;
        Instant now = PLACED;
        Cart cart = Cart.rehydrate(
                owner,
                List.of(
                        new CartLine(ProductId.of(UUID.randomUUID()), Quantity.of(50)),
                        new CartLine(ProductId.of(UUID.randomUUID()), Quantity.of(50))),
                now);
        limits.requireOrderable(cart);
        Cart tooMuch = Cart.rehydrate(
                owner,
                List.of(
                        new CartLine(ProductId.of(UUID.randomUUID()), Quantity.of(50)),
                        new CartLine(ProductId.of(UUID.randomUUID()), Quantity.of(50)),
                        new CartLine(ProductId.of(UUID.randomUUID()), Quantity.of(1))),
                now);

        assertThatThrownBy(() -> limits.requireOrderable(tooMuch))
                .isInstanceOfSatisfying(OrderUnitsLimitExceededException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ORDER_UNITS_LIMIT_EXCEEDED);
                    assertThat(e.units()).isEqualTo(101);
                    assertThat(e.limit()).isEqualTo(100);
                });
        limits.requireRoomForAnotherPendingOrder(2);
        assertThatThrownBy(() -> limits.requireRoomForAnotherPendingOrder(3))
                .isInstanceOfSatisfying(TooManyPendingOrdersException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_PENDING_ORDERS);
                    assertThat(e.limit()).isEqualTo(3);
                });
        assertThatThrownBy(() -> new PurchaseLimits(0, 100, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
