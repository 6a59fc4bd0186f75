package dev.bookshop.bootstrap.api;

import java.util.Map;

/** {@link ShippingCheckoutApiTest} against a server wired with {@code PERSISTENCE=jpa}: the same answers from the Hibernate adapter. */
class JpaShippingCheckoutApiTest extends ShippingCheckoutApiTest {

    @Override
    Map<String, String> environment() {
        return Map.of("PERSISTENCE", "jpa");
    }
}
