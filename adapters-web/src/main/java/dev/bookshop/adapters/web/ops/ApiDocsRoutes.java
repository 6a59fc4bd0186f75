package dev.bookshop.adapters.web.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.http.DocsPage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the hand-maintained OpenAPI document (kept in YAML, answered as JSON) and the interactive page for it. */
public final class ApiDocsRoutes {

    public static final String RESOURCE = "/openapi.yaml";

    private final String document;
    private final DocsPage page = DocsPage.fromClasspath();

    public ApiDocsRoutes(ObjectMapper json) {
        try {
            this.document = json.writeValueAsString(load());
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the OpenAPI document", e);
        }
    }

    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document), Access.PUBLIC);
        routes.get(DocsPage.PATH, ctx -> ctx.html(DocsPage.HTML), Access.PUBLIC);
        routes.get(DocsPage.PATH + "/{asset}", this::asset, Access.PUBLIC);
    }

    private void asset(Context ctx) {
        DocsPage.Asset asset = page.asset(ctx.pathParam("asset")).orElseThrow(NotFoundResponse::new);
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    /** The document as a tree, for serving and for the test that holds it to the registered routes. */
    public static JsonNode load() {
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}
