package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/**
 * An edit refused because the book changed since the editor read it: applying it would overwrite a change they never
 * saw (a title edit written over a withdrawal).
 */
public final class ProductChangedException extends DomainException {

    private final ProductId productId;
    private final long currentVersion;

    public ProductChangedException(ProductId productId, long currentVersion) {
        super("book " + productId + " was changed since it was read; it is at version " + currentVersion + " now");
        this.productId = productId;
        this.currentVersion = currentVersion;
    }

    public ProductId productId() {
        return productId;
    }

    public long currentVersion() {
        return currentVersion;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.PRECONDITION_FAILED;
    }
}
