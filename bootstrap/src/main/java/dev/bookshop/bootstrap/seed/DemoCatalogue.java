package dev.bookshop.bootstrap.seed;

import dev.bookshop.application.catalog.port.in.NewProduct;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.CategorySlugTakenException;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.user.UserId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fills an empty shop with a few dozen real books across series and categories, through the same use cases an admin
 * uses, so the demo data obeys every rule. Does nothing when the catalogue already has books.
 */
public final class DemoCatalogue {

    private static final String RESOURCE = "/demo/catalogue.tsv";

    /** One row of the demo file. */
    record DemoBook(
            String title,
            String author,
            Optional<String> series,
            List<String> categories,
            long priceCents,
            int stock,
            String description) {}

    private DemoCatalogue() {}

    /** Answers how many books were added (zero when the shop already had some). */
    public static int seed(UseCases shop, UserId admin) {
        if (shop.adminCatalog()
                        .listProducts(admin, ProductQuery.all().withPage(PageRequest.of(1, 1)))
                        .total()
                > 0) {
            return 0;
        }
        List<DemoBook> books = read();
        Set<String> categoryNames = books.stream()
                .flatMap(b -> b.categories().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String name : categoryNames) {
            try {
                shop.adminCatalog().createCategory(admin, name);
            } catch (CategorySlugTakenException alreadyThere) {
                // a previous, interrupted seed created it
            }
        }
        for (DemoBook book : books) {
            shop.adminCatalog()
                    .createProduct(
                            admin,
                            new NewProduct(
                                    new BookDetails(
                                            book.title(),
                                            book.author(),
                                            book.series(),
                                            Optional.of(book.description()),
                                            Optional.empty()),
                                    Price.ofCents(book.priceCents()),
                                    Stock.of(book.stock()),
                                    book.categories().stream()
                                            .map(Slug::fromText)
                                            .collect(Collectors.toSet())));
        }
        return books.size();
    }

    static List<DemoBook> read() {
        try (var in = DemoCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(DemoCatalogue::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DemoBook parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 7) {
            throw new IllegalStateException("demo catalogue row needs 7 tab-separated fields: " + line);
        }
        return new DemoBook(
                f[0],
                f[1],
                f[2].isBlank() ? Optional.empty() : Optional.of(f[2]),
                Arrays.stream(f[3].split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList(),
                Long.parseLong(f[4]),
                Integer.parseInt(f[5]),
                f[6]);
    }
}
