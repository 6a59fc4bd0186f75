package dev.bookshop.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StockTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, Stock.MAX})
    void holdsAnyCountFromZeroToTheMaximum(int copies) {
        assertThat(Stock.of(copies).copies()).isEqualTo(copies);
    }

    @Test
    void refusesANegativeCount() {
        assertThatThrownBy(() -> Stock.of(-1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("stock must not be negative");
        assertThatThrownBy(() -> Stock.of(Integer.MIN_VALUE)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void refusesACountPastTheMaximum() {
        assertThatThrownBy(() -> Stock.of(Stock.MAX + 1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("stock must be at most " + Stock.MAX);
    }

    @Test
    void movesByASignedDeltaWithinRange() {
        assertThat(Stock.of(5).movedBy(-5)).contains(Stock.NONE);
        assertThat(Stock.of(5).movedBy(3)).contains(Stock.of(8));
        assertThat(Stock.of(Stock.MAX - 1).movedBy(1)).contains(Stock.of(Stock.MAX));
    }

    @Test
    void refusesAMoveBelowZeroOrPastTheMaximumWithoutWrappingAround() {
        assertThat(Stock.of(5).movedBy(-6)).isEmpty();
        assertThat(Stock.of(Stock.MAX).movedBy(1)).isEmpty();
        assertThat(Stock.of(Stock.MAX).movedBy(Integer.MAX_VALUE)).isEmpty();
        assertThat(Stock.NONE.movedBy(Integer.MIN_VALUE)).isEmpty();
    }

    @Test
    void tellsAnOverflowFromAShortage() {
        assertThat(Stock.of(Stock.MAX).wouldOverflow(1)).isTrue();
        assertThat(Stock.of(5).wouldOverflow(-6)).isFalse();
        assertThat(Stock.of(5).wouldOverflow(Integer.MAX_VALUE)).isTrue();
    }

    @Test
    void coversAQuantityUpToItsCount() {
        assertThat(Stock.of(3).covers(Quantity.of(3))).isTrue();
        assertThat(Stock.of(3).covers(Quantity.of(4))).isFalse();
        assertThat(Stock.NONE.isEmpty()).isTrue();
        assertThat(Stock.of(1).isEmpty()).isFalse();
    }
}
