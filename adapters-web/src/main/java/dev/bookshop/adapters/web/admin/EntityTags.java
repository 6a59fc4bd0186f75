package dev.bookshop.adapters.web.admin;

import dev.bookshop.application.catalog.port.in.ExpectedVersion;
import dev.bookshop.domain.catalog.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A book's entity tag for the admin API: its edit version as a strong tag ({@code "7"}), so that {@code If-Match},
 * which compares strongly, can use it. The tag names the book's edited state (details, price, categories, active
 * flag); stock moves at every checkout and does not change it, so the tag guards edits, not the stock count.
 */
final class EntityTags {

    static final String ETAG = "ETag";
    static final String IF_MATCH = "If-Match";

    private static final Pattern STRONG_VERSION = Pattern.compile("\"([1-9][0-9]{0,17})\"");

    private EntityTags() {}

    static String of(Product product) {
        return "\"" + product.version() + "\"";
    }

    /**
     * What an {@code If-Match} header admits. None or {@code *} (the book exists) sets no condition; otherwise the
     * listed strong tags. Weak tags never match under the strong comparison {@code If-Match} uses, and a value that is
     * no tag at all names no version, so a header naming nothing current always fails the precondition.
     */
    static ExpectedVersion ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return ExpectedVersion.ANY;
        }
        List<Long> versions = new ArrayList<>();
        for (String tag : header.split(",")) {
            Matcher strong = STRONG_VERSION.matcher(tag.strip());
            if (strong.matches()) {
                versions.add(Long.parseLong(strong.group(1)));
            }
        }
        return ExpectedVersion.oneOf(versions);
    }
}
