package dev.bookshop.bootstrap.api;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link CheckoutApiTest} against a server wired with {@code PERSISTENCE=jpa}: the same answers from the Hibernate adapter. */
class JpaCheckoutApiTest extends CheckoutApiTest {

    @BeforeAll
    static void start() {
        api = Api.start(Map.of("PERSISTENCE", "jpa"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }
}
