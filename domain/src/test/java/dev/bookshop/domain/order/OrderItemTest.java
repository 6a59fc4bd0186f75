package dev.bookshop.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderItemTest {

    @Test
    void theLineTotalIsUnitPriceTimesQuantity() {
        OrderItem item = new OrderItem(Optional.empty(), "Dune", Money.ofCents(999), Quantity.of(3));

        assertThat(item.lineTotal()).isEqualTo(Money.ofCents(2997));
    }

    @Test
    void theTitleSnapshotIsRequired() {
        assertThatThrownBy(() -> new OrderItem(Optional.empty(), " ", Money.ofCents(999), Quantity.of(1)))
                .isInstanceOf(InvalidValueException.class);
    }
}
