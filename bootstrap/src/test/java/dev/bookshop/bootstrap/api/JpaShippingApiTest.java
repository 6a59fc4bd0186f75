package dev.bookshop.bootstrap.api;

import java.util.Map;

/** {@link ShippingApiTest} against a server wired with {@code PERSISTENCE=jpa}: the same answers from the Hibernate adapter. */
class JpaShippingApiTest extends ShippingApiTest {

    @Override
    Map<String, String> environment() {
        return Map.of("PERSISTENCE", "jpa");
    }
}
