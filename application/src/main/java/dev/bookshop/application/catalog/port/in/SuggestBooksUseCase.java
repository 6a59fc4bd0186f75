package dev.bookshop.application.catalog.port.in;

import dev.bookshop.application.catalog.query.Suggestion;
import java.util.List;

/** What a search box offers as the reader types: active books whose title, author or series starts so. */
public interface SuggestBooksUseCase {

    int MAX_TEXT = 100;
    int MAX_LIMIT = 20;
    int DEFAULT_LIMIT = 8;

    /**
     * Up to {@code limit} books (1 to {@link #MAX_LIMIT}) for {@code text}, stripped, 1 to {@link #MAX_TEXT}
     * characters; ignores case and accents. Title matches first, then author, then series.
     */
    List<Suggestion> suggest(String text, int limit);
}
