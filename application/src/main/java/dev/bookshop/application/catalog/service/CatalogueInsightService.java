package dev.bookshop.application.catalog.service;

import dev.bookshop.application.catalog.port.in.CatalogueFacetsUseCase;
import dev.bookshop.application.catalog.port.in.SuggestBooksUseCase;
import dev.bookshop.application.catalog.port.out.CatalogueInsights;
import dev.bookshop.application.catalog.query.CatalogueFacets;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.Suggestion;
import dev.bookshop.domain.common.FieldViolation;
import dev.bookshop.domain.common.Text;
import dev.bookshop.domain.common.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** Facets and search-box suggestions over the public catalogue: active books only. */
public final class CatalogueInsightService implements CatalogueFacetsUseCase, SuggestBooksUseCase {

    private final CatalogueInsights insights;

    public CatalogueInsightService(CatalogueInsights insights) {
        this.insights = insights;
    }

    @Override
    public CatalogueFacets facets(ProductQuery filters) {
        return insights.facets(filters.withInactive(false));
    }

    @Override
    public CatalogueFacets facetsOfSearch(String text) {
        return insights.facetsOfSearch(checkedText(text, CatalogService.MAX_SEARCH_LENGTH));
    }

    @Override
    public List<Suggestion> suggest(String text, int limit) {
        List<FieldViolation> violations = new ArrayList<>();
        String prefix = null;
        try {
            prefix = checkedText(text, MAX_TEXT);
        } catch (ValidationException invalid) {
            violations.addAll(invalid.violations());
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new FieldViolation("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return insights.suggest(prefix, limit);
    }

    private static String checkedText(String text, int maxLength) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw ValidationException.of("q", "must not be blank");
        }
        if (Text.hasControlCharacters(stripped)) {
            throw ValidationException.of("q", "must not contain control characters");
        }
        if (stripped.length() > maxLength) {
            throw ValidationException.of("q", "must be at most " + maxLength + " characters");
        }
        return stripped;
    }
}
