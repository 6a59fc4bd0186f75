package dev.bookshop.bootstrap;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves a {@link TestServer} running after its own {@code @AfterAll} methods. Every test
 * class of the module runs in one JVM against one PostgreSQL: a server nobody closed keeps its pool and its database,
 * and a few of them exhaust the database's connections for the classes that follow, which then fail for no reason
 * of their own. Registered for every class through the service loader (see junit-platform.properties).
 */
public final class ServersClosedCheck implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
            return; // the enclosing class may still be using its server
        }
        List<String> open = TestServer.stillOpen();
        if (!open.isEmpty()) {
            TestServer.closeAllOpen();
            throw new AssertionError(context.getRequiredTestClass().getSimpleName() + " left " + open.size()
                    + " test server(s) running: " + open);
        }
    }
}
