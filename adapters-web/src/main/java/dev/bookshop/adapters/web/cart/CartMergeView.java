package dev.bookshop.adapters.web.cart;

import dev.bookshop.domain.cart.CartMergeReport;
import dev.bookshop.domain.cart.MergeReason;
import dev.bookshop.domain.catalog.ProductId;
import java.util.List;
import java.util.Locale;

/** What a login or signup did with the guest cart it was sent: the {@code cartMerge} of its answer. */
public record CartMergeView(List<String> added, List<Adjusted> adjusted, List<Dropped> dropped) {

    public record Adjusted(String productId, int requested, int kept, String reason) {}

    public record Dropped(String productId, String reason) {}

    public static CartMergeView of(CartMergeReport report) {
        return new CartMergeView(
                report.added().stream().map(ProductId::toString).toList(),
                report.adjusted().stream()
                        .map(a -> new Adjusted(a.productId().toString(), a.requested(), a.kept(), reason(a.reason())))
                        .toList(),
                report.dropped().stream()
                        .map(d -> new Dropped(d.productId().toString(), reason(d.reason())))
                        .toList());
    }

    private static String reason(MergeReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }
}
