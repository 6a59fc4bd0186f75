package dev.bookshop.bootstrap.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The end-to-end tests' judgement of one answer — the OpenAPI document ({@link OpenApiContract}) and the rules every
 * answer obeys ({@link Api}) — for test packages outside this one (the hardening suites) that build their own requests.
 */
public final class Judge {

    private static final OpenApiContract CONTRACT = OpenApiContract.instance();

    private Judge() {}

    /** The OpenAPI document the answers are held to. */
    public static JsonNode document() {
        return CONTRACT.document();
    }

    /** The documented operations as "METHOD /template". */
    public static Set<String> operations() {
        return CONTRACT.operations();
    }

    /** The documented path template a concrete path matches, if any. */
    public static Optional<String> templateOf(String method, String path) {
        return CONTRACT.templateOf(method, path);
    }

    /**
     * Everything wrong with this answer to {@code method path}: against the document (operation, status, content
     * type, schema) and against the rules for every answer (no 5xx, a request id, no leak of internals, problem
     * documents naming their status and path). Empty when it conforms. Records the answer for the coverage summary.
     */
    public static List<String> violations(String method, String path, Response response) {
        CONTRACT.record(method, path, response.status());
        List<String> problems = new ArrayList<>(
                CONTRACT.violations(method, path, response.status(), response.headers(), response.body()));
        problems.addAll(Api.answerRules(path, response));
        return problems;
    }

    /**
     * Only the rules that hold even for an answer the document does not list (a tolerated server error during an
     * outage): a request id, and no stack trace, SQL or class name in the body.
     */
    public static List<String> leaks(String path, Response response) {
        return Api.answerRules(path, response).stream()
                .filter(problem -> !problem.startsWith("a server error"))
                .toList();
    }
}
