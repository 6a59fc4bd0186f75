package dev.bookshop.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.common.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InsufficientStockExceptionTest {

    private final ProductId hobbit = ProductId.of(UUID.randomUUID());
    private final ProductId dune = ProductId.of(UUID.randomUUID());

    @Test
    void listsEveryShortBookWithWhatWasAskedAndWhatIsLeft() {
        var e = new InsufficientStockException(List.of(new StockShortage(hobbit, 3, 1), new StockShortage(dune, 2, 0)));

        assertThat(e.shortages()).containsExactly(new StockShortage(hobbit, 3, 1), new StockShortage(dune, 2, 0));
        assertThat(e.productIds()).containsExactly(hobbit, dune);
        assertThat(e.getMessage()).contains(hobbit.toString(), dune.toString());
        assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_STOCK);
    }

    @Test
    void ofNamesOneBook() {
        var e = InsufficientStockException.of(hobbit, 4, 2);

        assertThat(e.shortages()).singleElement().satisfies(s -> {
            assertThat(s.productId()).isEqualTo(hobbit);
            assertThat(s.requested()).isEqualTo(4);
            assertThat(s.available()).isEqualTo(2);
        });
    }

    @Test
    void keepsItsOwnCopyOfTheShortages() {
        List<StockShortage> shortages = new ArrayList<>(List.of(new StockShortage(hobbit, 3, 1)));
        var e = new InsufficientStockException(shortages);

        shortages.clear();

        assertThat(e.shortages()).hasSize(1);
    }
}
