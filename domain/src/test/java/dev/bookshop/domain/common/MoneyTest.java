package dev.bookshop.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void zeroAndPositiveAmountsExist() {
        assertThat(Money.ofCents(0)).isEqualTo(Money.ZERO);
        assertThat(Money.ofCents(1999).cents()).isEqualTo(1999);
        assertThat(Money.ZERO.isPositive()).isFalse();
        assertThat(Money.ofCents(1).isPositive()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, -100, Long.MIN_VALUE})
    void aNegativeAmountCannotExist(long cents) {
        assertThatThrownBy(() -> Money.ofCents(cents))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void addsAndMultiplies() {
        assertThat(Money.ofCents(1250).plus(Money.ofCents(750))).isEqualTo(Money.ofCents(2000));
        assertThat(Money.ofCents(1250).times(3)).isEqualTo(Money.ofCents(3750));
        assertThat(Money.ofCents(1250).times(0)).isEqualTo(Money.ZERO);
    }

    @Test
    void additionRefusesToOverflow() {
        Money max = Money.ofCents(Long.MAX_VALUE);

        assertThatThrownBy(() -> max.plus(Money.ofCents(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void multiplicationRefusesToOverflow() {
        Money large = Money.ofCents(Long.MAX_VALUE / 2 + 1);

        assertThatThrownBy(() -> large.times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofCents(Long.MAX_VALUE).times(Integer.MAX_VALUE))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aNegativeFactorCannotMakeANegativeAmount() {
        assertThatThrownBy(() -> Money.ofCents(100).times(-1)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void comparesByAmount() {
        assertThat(Money.ofCents(1)).isLessThan(Money.ofCents(2));
        assertThat(Money.ofCents(2)).isGreaterThan(Money.ofCents(1));
        assertThat(Money.ofCents(5)).isEqualByComparingTo(Money.ofCents(5));
    }

    @Test
    void subtractsButNeverBelowNothing() {
        assertThat(Money.ofCents(1000).minus(Money.ofCents(250))).isEqualTo(Money.ofCents(750));
        assertThat(Money.ofCents(250).minus(Money.ofCents(250))).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> Money.ofCents(1).minus(Money.ofCents(2))).isInstanceOf(InvalidValueException.class);
    }
}
