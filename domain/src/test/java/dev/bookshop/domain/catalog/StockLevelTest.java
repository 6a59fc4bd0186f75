package dev.bookshop.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class StockLevelTest {

    private static final ProductId ID = ProductId.of(UUID.randomUUID());

    @Test
    void aShelfCountKeepsTheReservedCopiesHeldAndMakesTheRestAvailable() {
        StockLevel level = StockLevel.fromShelfCount(ID, Stock.of(5), 2);

        assertThat(level.available()).isEqualTo(Stock.of(3));
        assertThat(level.reserved()).isEqualTo(2);
        assertThat(level.onHand()).isEqualTo(5);
        assertThat(StockLevel.fromShelfCount(ID, Stock.of(2), 2).available()).isEqualTo(Stock.NONE);
    }

    @Test
    void aShelfCountBelowTheReservedCopiesIsRefused() {
        assertThatThrownBy(() -> StockLevel.fromShelfCount(ID, Stock.of(1), 2))
                .isInstanceOfSatisfying(StockBelowReservedException.class, refusal -> {
                    assertThat(refusal.productId()).isEqualTo(ID);
                    assertThat(refusal.counted()).isEqualTo(1);
                    assertThat(refusal.reserved()).isEqualTo(2);
                });
    }

    @Test
    void onHandDoesNotOverflowPastTheLargestStock() {
        assertThat(new StockLevel(Stock.of(Stock.MAX), Integer.MAX_VALUE).onHand())
                .isEqualTo((long) Stock.MAX + Integer.MAX_VALUE);
    }
}
