package dev.bookshop.adapters.web.ops;

import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.http.WebError;
import dev.bookshop.adapters.web.http.WebException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Liveness (the process answers) and readiness (its dependencies, such as the database, answer too). */
public final class HealthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);
    private static final Map<String, String> UP = Map.of("status", "UP");

    private final BooleanSupplier readiness;

    public HealthRoutes(BooleanSupplier readiness) {
        this.readiness = readiness;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health/live", ctx -> ctx.json(UP), Access.PUBLIC);
        routes.get("/health/ready", this::ready, Access.PUBLIC);
    }

    private void ready(Context ctx) {
        if (!isReady()) {
            throw new WebException(WebError.SERVICE_UNAVAILABLE, "A dependency of the service is not available.");
        }
        ctx.json(UP);
    }

    private boolean isReady() {
        try {
            return readiness.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.warn("Readiness check failed", e);
            return false;
        }
    }
}
