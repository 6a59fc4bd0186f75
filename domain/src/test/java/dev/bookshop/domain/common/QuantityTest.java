package dev.bookshop.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 999, Quantity.MAX})
    void acceptsOneToMax(int value) {
        assertThat(Quantity.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE, Quantity.MAX + 1, Integer.MAX_VALUE})
    void refusesAnythingElse(int value) {
        assertThatThrownBy(() -> Quantity.of(value)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void addsUpToMax() {
        assertThat(Quantity.of(2).plus(Quantity.of(3))).isEqualTo(Quantity.of(5));
        assertThat(Quantity.of(Quantity.MAX - 1).plus(Quantity.of(1))).isEqualTo(Quantity.of(Quantity.MAX));
    }

    @Test
    void aSumBeyondMaxIsRefused() {
        assertThatThrownBy(() -> Quantity.of(Quantity.MAX).plus(Quantity.of(1)))
                .isInstanceOf(InvalidValueException.class);
    }
}
