package dev.bookshop.bootstrap;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The same journey with {@code PERSISTENCE=jpa}: the composition root wires Hibernate instead of jOOQ. */
class JpaServerSmokeTest extends ServerSmokeTest {

    @BeforeAll
    static void start() {
        app = TestServer.start(Map.of("PERSISTENCE", "jpa"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }
}
