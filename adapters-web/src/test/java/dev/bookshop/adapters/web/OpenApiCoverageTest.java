package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.adapters.web.ops.ApiDocsRoutes;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the hand-written OpenAPI document true: every registered route is in it, and nothing else is. */
class OpenApiCoverageTest {

    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    static TestApp app;
    static JsonNode document;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        document = ApiDocsRoutes.load();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Set<Endpoint> registeredEndpoints() {
        return app.app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(e -> e.method.isHttpMethod() && e.method != HandlerType.HEAD && e.method != HandlerType.OPTIONS)
                .collect(Collectors.toSet());
    }

    static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(key(operation.getKey(), path.getKey()));
                }
            }
        }
        return operations;
    }

    @Test
    void documentsEveryRegisteredRouteAndNoOther() {
        Set<String> registered = registeredEndpoints().stream()
                .map(e -> key(e.method.name(), e.path))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(registered).hasSizeGreaterThan(25);
        assertThat(documentedOperations()).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void documentsBearerSecurityExactlyOnTheGuardedRoutes() {
        for (Endpoint endpoint : registeredEndpoints()) {
            Roles roles = endpoint.metadata(Roles.class);
            boolean guarded = roles != null
                    && (roles.getRoles().contains(Access.CUSTOMER)
                            || roles.getRoles().contains(Access.ADMIN)
                            || roles.getRoles().contains(Access.CART));
            JsonNode operation = document.get("paths")
                    .get(endpoint.path)
                    .get(endpoint.method.name().toLowerCase(Locale.ROOT));

            assertThat(operation.has("security"))
                    .as("security of %s %s", endpoint.method, endpoint.path)
                    .isEqualTo(guarded);
            if (guarded) {
                assertThat(operation.get("responses").has("401"))
                        .as("401 of %s %s", endpoint.method, endpoint.path)
                        .isTrue();
            }
        }
    }

    @Test
    void everyOperationHasAnIdAndASuccessAnswer() {
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode op = operation.getValue();
                assertThat(ids.add(op.get("operationId").asText())).isTrue();
                assertThat(op.get("responses").properties())
                        .extracting(Map.Entry::getKey)
                        .anyMatch(status -> status.startsWith("2"));
            }
        }
    }

    @Test
    void everyReferenceResolves() {
        Set<String> refs = new TreeSet<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }
}
