package dev.bookshop.domain.common;

/**
 * A numbered page beyond the first {@code window} results: reaching it would make the store read and skip every row
 * before it, so deep reading goes through cursors, which cost the same at any depth.
 */
public final class PageWindowExceededException extends DomainException {

    private final int window;

    public PageWindowExceededException(int window) {
        super("Numbered pages reach only the first " + window
                + " results; to read further, follow nextCursor with ?cursor= (cursor paging).");
        this.window = window;
    }

    public int window() {
        return window;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.PAGE_WINDOW_EXCEEDED;
    }
}
