package dev.bookshop.application.catalog.query;

import dev.bookshop.domain.common.ValidationException;
import java.util.Arrays;

/** The orders a product list can be read in. Every order ends on the product id, so pages never overlap. */
public enum ProductSort {
    TITLE("title"),
    TITLE_DESC("-title"),
    PRICE("price"),
    PRICE_DESC("-price"),
    NEWEST("newest");

    private final String wireName;

    ProductSort(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ProductSort fromWireName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(name))
                .findFirst()
                .orElseThrow(
                        () -> ValidationException.of("sort", "must be one of title, -title, price, -price, newest"));
    }
}
