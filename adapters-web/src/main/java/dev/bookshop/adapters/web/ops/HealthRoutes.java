package dev.bookshop.adapters.web.ops;

import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.http.WebError;
import dev.bookshop.adapters.web.http.WebException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Liveness (the process answers) and readiness (its dependencies, such as the database, answer too). */
public final class HealthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);
    private static final Map<String, String> UP = Map.of("status", "UP");

    private final BooleanSupplier readiness;

    private final Supplier<Map<String, String>> dependencies;

    public HealthRoutes(BooleanSupplier readiness) {
        this(readiness, Map::of);
    }

    /** {@code dependencies}: what is told of each dependency beside the verdict, by name. */
    public HealthRoutes(BooleanSupplier readiness, Supplier<Map<String, String>> dependencies) {
        this.readiness = readiness;
        this.dependencies = dependencies;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health/live", ctx -> ctx.json(UP), Access.PUBLIC);
        routes.get("/health/ready", this::ready, Access.PUBLIC);
    }

    private void ready(Context ctx) {
        if (!isReady()) {
            throw new WebException(WebError.SERVICE_UNAVAILABLE, "A dependency of the service is not available.");
        }
        Map<String, String> told = dependencies.get();
        if (told.isEmpty()) {
            ctx.json(UP);
            return;
        }
        Map<String, String> answer = new LinkedHashMap<>(UP);
        answer.putAll(told);
        ctx.json(answer);
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
