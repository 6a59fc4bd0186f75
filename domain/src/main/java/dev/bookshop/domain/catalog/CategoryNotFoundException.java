package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** A category named by slug does not exist. */
public final class CategoryNotFoundException extends DomainException {

    public CategoryNotFoundException(String slug) {
        super("no such category: " + slug);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.CATEGORY_NOT_FOUND;
    }
}
