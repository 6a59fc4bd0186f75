package dev.bookshop.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "PENDING, PENDING, false",
        "PENDING, PAID,    true",
        "PENDING, FAILED,  true",
        "PAID,    PENDING, false",
        "PAID,    PAID,    false",
        "PAID,    FAILED,  false",
        "FAILED,  PENDING, false",
        "FAILED,  PAID,    false",
        "FAILED,  FAILED,  false"
    })
    void onlyPendingMovesAndOnlyToPaidOrFailed(OrderStatus from, OrderStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"PENDING, true", "PAID, false", "FAILED, false"})
    void onlyAnOrderWaitingForPaymentReservesItsCopies(OrderStatus status, boolean reserves) {
        assertThat(status.reservesStock()).isEqualTo(reserves);
    }
}
