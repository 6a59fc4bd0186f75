package dev.bookshop.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 1299, Price.MAX_CENTS})
    void holdsAnyPositiveAmountUpToTheMaximum(long cents) {
        assertThat(Price.ofCents(cents).amount()).isEqualTo(Money.ofCents(cents));
        assertThat(Price.of(Money.ofCents(cents)).cents()).isEqualTo(cents);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void refusesNothingAndLessSpeakingOfThePrice(long cents) {
        assertThatThrownBy(() -> Price.ofCents(cents))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("price must be greater than 0");
    }

    @Test
    void refusesFreeMoneyAndAnAmountPastTheMaximum() {
        assertThatThrownBy(() -> Price.of(Money.ZERO)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Price.ofCents(Price.MAX_CENTS + 1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("price must be at most " + Price.MAX_CENTS + " cents");
        assertThatThrownBy(() -> Price.of(null)).isInstanceOf(NullPointerException.class);
    }
}
