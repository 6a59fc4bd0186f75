package dev.bookshop.bootstrap.api;

import java.util.Map;

/** {@link CheckoutApiTest} against a server wired with {@code PERSISTENCE=jpa}: the same answers from the Hibernate adapter. */
class JpaCheckoutApiTest extends CheckoutApiTest {

    @Override
    Map<String, String> environment() {
        return Map.of("PERSISTENCE", "jpa");
    }
}
