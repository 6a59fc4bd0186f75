package dev.bookshop.domain.order;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.common.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * A line of an order as it was sold: title and unit price are snapshots that never follow later catalogue edits. The
 * product reference may be empty when the book is gone.
 */
public record OrderItem(Optional<ProductId> productId, String title, Money unitPrice, Quantity quantity) {

    public OrderItem {
        Objects.requireNonNull(productId);
        title = Text.required(title, "title", 300);
        Objects.requireNonNull(unitPrice);
        Objects.requireNonNull(quantity);
    }

    public Money lineTotal() {
        return unitPrice.times(quantity.value());
    }
}
