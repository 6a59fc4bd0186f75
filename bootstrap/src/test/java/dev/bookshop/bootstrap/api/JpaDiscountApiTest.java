package dev.bookshop.bootstrap.api;

import java.util.Map;

/** {@link DiscountApiTest} against a server wired with {@code PERSISTENCE=jpa}: the same answers from the Hibernate adapter. */
class JpaDiscountApiTest extends DiscountApiTest {

    @Override
    Map<String, String> environment() {
        return Map.of("PERSISTENCE", "jpa");
    }
}
