package dev.bookshop.adapters.web.catalog;

import dev.bookshop.application.catalog.query.Suggestion;

/** One book a search box offers. */
public record SuggestionView(String slug, String title, String author) {

    public static SuggestionView of(Suggestion suggestion) {
        return new SuggestionView(suggestion.slug().value(), suggestion.title(), suggestion.author());
    }
}
