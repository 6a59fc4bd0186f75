package dev.bookshop.domain.cart;

import dev.bookshop.domain.catalog.ProductId;
import java.util.List;
import java.util.Objects;

/**
 * What merging a guest's cart into an account's cart did, line by line of the guest's cart, each line in exactly one
 * list or in none: {@code added} for a book the account's cart did not hold, taken in full; {@code adjusted} for a
 * line kept with fewer copies than the two carts held together; {@code dropped} for a line of which nothing was kept.
 * A line joined in full to the account's line of the same book is not reported: it went as asked.
 */
public record CartMergeReport(List<ProductId> added, List<Adjusted> adjusted, List<Dropped> dropped) {

    /**
     * @param requested the copies of both carts together
     * @param kept the copies the account's line holds now: never fewer than it held before the merge
     */
    public record Adjusted(ProductId productId, int requested, int kept, MergeReason reason) {
        public Adjusted {
            Objects.requireNonNull(productId);
            Objects.requireNonNull(reason);
            if (kept < 1 || kept >= requested) {
                throw new IllegalArgumentException("an adjusted line keeps some but not all it asked for");
            }
        }
    }

    public record Dropped(ProductId productId, MergeReason reason) {
        public Dropped {
            Objects.requireNonNull(productId);
            Objects.requireNonNull(reason);
        }
    }

    public CartMergeReport {
        added = List.copyOf(added);
        adjusted = List.copyOf(adjusted);
        dropped = List.copyOf(dropped);
    }

    /** Nothing merged: no guest cart, or one that was not valid. */
    public static CartMergeReport nothing() {
        return new CartMergeReport(List.of(), List.of(), List.of());
    }
}
