package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** No such book, or it is no longer on sale. */
public final class ProductNotFoundException extends DomainException {

    public ProductNotFoundException(String idOrSlug) {
        super("no such book: " + idOrSlug);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.PRODUCT_NOT_FOUND;
    }
}
