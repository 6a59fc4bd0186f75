package dev.bookshop.bench;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.PRODUCTS;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bookshop.adapters.persistence.jooq.JooqPersistence;
import dev.bookshop.adapters.persistence.jooq.generated.tables.records.ProductsRecord;
import dev.bookshop.adapters.web.WebSettings;
import dev.bookshop.adapters.web.http.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The ceilings the shop's figures are measured against: the shop's own stack (this JVM, Javalin with the shop's
 * Jackson mapper and server settings, HikariCP, jOOQ with the shop's {@code DSLContext}) doing the least a request
 * can do. {@code GET /ceiling/constant} answers a constant JSON object; {@code GET /ceiling/product/{id}} reads one
 * product row by primary key and answers it as JSON. Not a product route: it lives only in the bench module.
 *
 * <p>Configured like the shop: {@code PORT}, {@code DATABASE_URL}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD},
 * {@code DB_POOL_SIZE}, and {@code VIRTUAL_THREADS} ({@code true} like the shop; {@code false} for Jetty's platform
 * thread pool).
 */
public final class CeilingServer {

    private static final Map<String, Object> CONSTANT = Map.of("status", "UP", "service", "bookshop-ceiling");

    private CeilingServer() {}

    /** One product row as the ceiling answers it: every column, no categories. */
    record Row(
            String id,
            String slug,
            String title,
            String author,
            String series,
            String description,
            String isbn,
            long priceCents,
            int stock,
            boolean active,
            Instant createdAt,
            Instant updatedAt) {

        static Row of(ProductsRecord r) {
            return new Row(
                    r.getId().toString(),
                    r.getSlug(),
                    r.getTitle(),
                    r.getAuthor(),
                    r.getSeries(),
                    r.getDescription(),
                    r.getIsbn(),
                    r.getPriceCents(),
                    r.getStock(),
                    r.getActive(),
                    r.getCreatedAt(),
                    r.getUpdatedAt());
        }
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        int port = Integer.parseInt(env.getOrDefault("PORT", "18081"));
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(required(env, "DATABASE_URL"));
        if (env.containsKey("DATABASE_USER")) {
            pool.setUsername(env.get("DATABASE_USER"));
        }
        if (env.containsKey("DATABASE_PASSWORD")) {
            pool.setPassword(env.get("DATABASE_PASSWORD"));
        }
        pool.setPoolName("ceiling");
        pool.setMaximumPoolSize(Integer.parseInt(env.getOrDefault("DB_POOL_SIZE", "10")));
        pool.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        HikariDataSource dataSource = new HikariDataSource(pool);
        DSLContext dsl = JooqPersistence.dslContext(dataSource);
        boolean virtualThreads = Boolean.parseBoolean(env.getOrDefault("VIRTUAL_THREADS", "true"));

        Javalin app = Javalin.create(config -> {
            // The same server settings BookshopWeb gives the shop.
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = virtualThreads;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.maxRequestSize = WebSettings.ONE_MIB;
            config.http.prefer405over404 = true;
            config.router.ignoreTrailingSlashes = true;
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(256));
            config.routes.get("/ceiling/constant", ctx -> ctx.json(CONSTANT));
            config.routes.get("/ceiling/product/{id}", ctx -> product(ctx, dsl));
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            dataSource.close();
        }));
        app.start(port);
        System.out.println("ceiling server listening on port " + app.port());
    }

    private static void product(Context ctx, DSLContext dsl) {
        UUID id = UUID.fromString(ctx.pathParam("id"));
        ProductsRecord row = dsl.selectFrom(PRODUCTS).where(PRODUCTS.ID.eq(id)).fetchOne();
        if (row == null) {
            ctx.status(404);
            return;
        }
        ctx.json(Row.of(row));
    }

    static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value;
    }
}
