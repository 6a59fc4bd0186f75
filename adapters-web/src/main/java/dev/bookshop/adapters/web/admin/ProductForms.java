package dev.bookshop.adapters.web.admin;

import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.application.catalog.port.in.NewProduct;
import dev.bookshop.application.catalog.port.in.ProductChanges;
import dev.bookshop.application.catalog.port.in.StockChange;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Isbn;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Slug;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the admin's product bodies into the use cases' commands. It reads the JSON shapes and builds the domain's
 * values; the rules are theirs, and every refusal is recorded under the field it names (or the field read).
 */
final class ProductForms {

    private ProductForms() {}

    static NewProduct newProduct(JsonBody body) {
        Violations violations = new Violations();
        Optional<String> title = violations.field("title", () -> body.text("title"));
        Optional<String> author = violations.field("author", () -> body.text("author"));
        Optional<String> series = violations.field("series", () -> body.text("series"));
        Optional<String> description = violations.field("description", () -> body.text("description"));
        // The details name each of their broken parts, all at once; a text that could not even be read (null here)
        // is already recorded, and checking the rest without it would only add a second complaint about it. The
        // isbn joins them afterwards so the errors keep the order of the fields.
        BookDetails checked = title == null || author == null || series == null || description == null
                ? null
                : violations.field(
                        "title",
                        () -> new BookDetails(
                                title.orElse(null), author.orElse(null), series, description, Optional.empty()));
        Optional<Isbn> isbn = violations.field("isbn", () -> isbn(body.text("isbn")));
        BookDetails details = checked == null || isbn == null ? null : checked.withIsbn(isbn);
        Price price = violations.field("priceCents", () -> Price.ofCents(body.requiredWhole("priceCents")));
        Stock stock = violations.field("stock", () -> Stock.of(body.requiredInteger("stock")));
        Set<Slug> categories = violations.field(
                "categorySlugs", () -> slugs(body.texts("categorySlugs").orElse(List.of())));
        violations.throwIfAny();
        return new NewProduct(details, price, stock, categories);
    }

    /**
     * Absent fields stay as they are; {@code null} clears the optional text fields and the category list, and blanks
     * a required one (which the book's details then refuse).
     */
    static ProductChanges changes(JsonBody body) {
        Violations violations = new Violations();
        Optional<String> title = violations.field(
                "title", () -> when(body, "title", () -> body.text("title").orElse("")));
        Optional<String> author = violations.field(
                "author", () -> when(body, "author", () -> body.text("author").orElse("")));
        Optional<Optional<String>> series =
                violations.field("series", () -> when(body, "series", () -> body.text("series")));
        Optional<Optional<String>> description =
                violations.field("description", () -> when(body, "description", () -> body.text("description")));
        Optional<Optional<Isbn>> isbn =
                violations.field("isbn", () -> when(body, "isbn", () -> isbn(body.text("isbn"))));
        Optional<Price> price = violations.field(
                "priceCents", () -> when(body, "priceCents", () -> Price.ofCents(body.requiredWhole("priceCents"))));
        Optional<Stock> stock =
                violations.field("stock", () -> when(body, "stock", () -> Stock.of(body.requiredInteger("stock"))));
        Optional<Set<Slug>> categories = violations.field(
                "categorySlugs",
                () -> when(
                        body,
                        "categorySlugs",
                        () -> slugs(body.texts("categorySlugs").orElse(List.of()))));
        Optional<Boolean> active = violations.field(
                "active",
                () -> when(
                        body,
                        "active",
                        () -> body.bool("active")
                                .orElseThrow(() -> new InvalidValueException("active must be true or false"))));
        violations.throwIfAny();
        return new ProductChanges(title, author, series, description, isbn, price, stock, categories, active);
    }

    /** Exactly one of {@code set} (the new count, at least 0) or {@code delta} (a signed move, not 0). */
    static StockChange stockChange(JsonBody body) {
        Violations violations = new Violations();
        boolean hasSet = body.has("set") && !body.isNull("set");
        boolean hasDelta = body.has("delta") && !body.isNull("delta");
        if (hasSet == hasDelta) {
            violations.add(hasSet ? "delta" : "set", "give exactly one of set or delta");
            violations.throwIfAny();
        }
        StockChange change = hasSet
                ? violations.field("set", () -> new StockChange.SetTo(Stock.of(body.requiredInteger("set"))))
                : violations.field("delta", () -> new StockChange.MoveBy(body.requiredInteger("delta")));
        violations.throwIfAny();
        return change;
    }

    private static <T> Optional<T> when(JsonBody body, String field, java.util.function.Supplier<T> read) {
        return body.has(field) ? Optional.of(read.get()) : Optional.empty();
    }

    private static Optional<Isbn> isbn(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).map(Isbn::of);
    }

    private static Set<Slug> slugs(List<String> values) {
        Set<Slug> slugs = new LinkedHashSet<>();
        for (String value : values) {
            slugs.add(new Slug(value));
        }
        return slugs;
    }
}
