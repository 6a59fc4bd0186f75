package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** Refused because another category already has this slug. */
public final class CategorySlugTakenException extends DomainException {

    public CategorySlugTakenException(String slug) {
        super("a category with slug " + slug + " already exists");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.CATEGORY_SLUG_TAKEN;
    }
}
