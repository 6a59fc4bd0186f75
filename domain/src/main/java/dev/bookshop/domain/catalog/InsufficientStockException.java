package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import java.util.List;

/** Refused because one or more books do not have the copies asked for; lists each of them. */
public final class InsufficientStockException extends DomainException {

    private final List<StockShortage> shortages;

    public InsufficientStockException(List<StockShortage> shortages) {
        super("not enough stock for "
                + shortages.stream().map(s -> s.productId().toString()).toList());
        this.shortages = List.copyOf(shortages);
    }

    public static InsufficientStockException of(ProductId productId, int requested, int available) {
        return new InsufficientStockException(List.of(new StockShortage(productId, requested, available)));
    }

    public List<StockShortage> shortages() {
        return shortages;
    }

    public List<ProductId> productIds() {
        return shortages.stream().map(StockShortage::productId).toList();
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INSUFFICIENT_STOCK;
    }
}
