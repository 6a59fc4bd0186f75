package dev.bookshop.adapters.web.admin;

import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.application.catalog.port.in.NewProduct;
import dev.bookshop.application.catalog.port.in.ProductChanges;
import dev.bookshop.application.catalog.port.in.StockChange;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Isbn;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.common.Text;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns the admin's product bodies into the use cases' commands, naming every broken rule by its field. */
final class ProductForms {

    private ProductForms() {}

    static NewProduct newProduct(JsonBody body) {
        Violations violations = new Violations();
        String title = violations.field("title", () -> title(body.text("title")));
        String author = violations.field("author", () -> author(body.text("author")));
        Optional<String> series = violations.field("series", () -> series(body.text("series")));
        Optional<String> description = violations.field("description", () -> description(body.text("description")));
        Optional<Isbn> isbn = violations.field("isbn", () -> isbn(body.text("isbn")));
        Money price = violations.field("priceCents", () -> price(body.requiredWhole("priceCents")));
        Integer stock = violations.field("stock", () -> Product.requireStock(body.requiredInteger("stock")));
        Set<Slug> categories = violations.field(
                "categorySlugs", () -> slugs(body.texts("categorySlugs").orElse(List.of())));
        violations.throwIfAny();
        return new NewProduct(new BookDetails(title, author, series, description, isbn), price, stock, categories);
    }

    /** Absent fields stay as they are; {@code null} clears the optional text fields and the category list. */
    static ProductChanges changes(JsonBody body) {
        Violations violations = new Violations();
        Optional<String> title = violations.field("title", () -> when(body, "title", () -> title(body.text("title"))));
        Optional<String> author =
                violations.field("author", () -> when(body, "author", () -> author(body.text("author"))));
        Optional<Optional<String>> series =
                violations.field("series", () -> when(body, "series", () -> series(body.text("series"))));
        Optional<Optional<String>> description = violations.field(
                "description", () -> when(body, "description", () -> description(body.text("description"))));
        Optional<Optional<Isbn>> isbn =
                violations.field("isbn", () -> when(body, "isbn", () -> isbn(body.text("isbn"))));
        Optional<Money> price = violations.field(
                "priceCents", () -> when(body, "priceCents", () -> price(body.requiredWhole("priceCents"))));
        Optional<Integer> stock = violations.field(
                "stock", () -> when(body, "stock", () -> Product.requireStock(body.requiredInteger("stock"))));
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
                ? violations.field(
                        "set", () -> new StockChange.SetTo(Product.requireStock(body.requiredInteger("set"))))
                : violations.field("delta", () -> new StockChange.MoveBy(body.requiredInteger("delta")));
        violations.throwIfAny();
        return change;
    }

    private static <T> Optional<T> when(JsonBody body, String field, java.util.function.Supplier<T> read) {
        return body.has(field) ? Optional.of(read.get()) : Optional.empty();
    }

    private static String title(Optional<String> value) {
        return Text.required(value.orElse(null), "title", BookDetails.MAX_TITLE);
    }

    private static String author(Optional<String> value) {
        return Text.required(value.orElse(null), "author", BookDetails.MAX_AUTHOR);
    }

    private static Optional<String> series(Optional<String> value) {
        return value.flatMap(v -> Text.optional(v, "series", BookDetails.MAX_SERIES));
    }

    private static Optional<String> description(Optional<String> value) {
        return value.flatMap(v -> Text.optional(v, "description", BookDetails.MAX_DESCRIPTION));
    }

    private static Optional<Isbn> isbn(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).map(Isbn::of);
    }

    private static Money price(long cents) {
        if (cents <= 0) {
            throw new InvalidValueException("priceCents must be greater than 0");
        }
        return Product.requirePositive(Money.ofCents(cents));
    }

    private static Set<Slug> slugs(List<String> values) {
        Set<Slug> slugs = new LinkedHashSet<>();
        for (String value : values) {
            slugs.add(new Slug(value));
        }
        return slugs;
    }
}
