package dev.bookshop.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import dev.bookshop.architecture.HexagonalRules.NamedRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shows the architecture rules are not vacuous: the very rule definitions {@link ArchitectureTest} applies to the
 * production code are evaluated over the deliberately broken fixture, and each must name the class that breaks it
 * and spare the classes that keep it.
 */
class RulesBiteTest {

    private static final Layout FIXTURE = new Layout("dev.bookshop.architecture.fixture.broken");

    /** For each rule: fixture classes it must report, and fixture classes it must leave alone. */
    private static final Map<String, Expectation> EXPECTED = Map.of(
            "domain depends only on the JDK", new Expectation(List.of("LeakyBook"), List.of("CartPart", "ChattyUser")),
            "application depends only on the JDK and the domain",
                    new Expectation(List.of("BookService"), List.of("GetBook", "BookRepository")),
            "the core does no JDBC or HTTP of its own",
                    new Expectation(List.of("LeakyBook", "BookService"), List.of("ChattyUser", "JooqBooks")),
            "the core neither prints nor logs",
                    new Expectation(
                            List.of("ChattyUser", "LoggingUser", "java.util.logging", "NoisyUseCase", "System$Logger"),
                            List.of("LeakyBook")),
            "no cycles between domain features",
                    new Expectation(List.of("CartPart", "OrderPart"), List.of("LeakyBook", "ChattyUser")),
            "adapters do not depend on each other",
                    new Expectation(
                            List.of("Slice web", "CartRoutes", "Slice persistence.jooq", "JooqBooks"),
                            List.of("FakeGateway", "Slice persistence.memory depends")),
            "the web adapter uses in-ports, queries and the domain only",
                    new Expectation(
                            List.of("BookRoutes", "BookRepository", "BookService", "InlinePasswordHasher"),
                            List.of("GoodRoutes", "BcryptPasswordHasher", "CartRoutes")),
            "only bootstrap knows bootstrap", new Expectation(List.of("FakeGateway"), List.of("BookService")),
            "every class lives in a known layer",
                    new Expectation(List.of("Stray"), List.of("LeakyBook", "FakeGateway", "Settings", "package-info")));

    /** The rules about services, apart only because {@code Map.of} takes at most ten pairs. */
    private static final Map<String, Expectation> EXPECTED_OF_SERVICES = Map.of(
            "ports never depend on services",
            new Expectation(List.of("ListBooks"), List.of("GetBook", "BookRepository", "NoisyUseCase")),
            "adapters never depend on services",
            new Expectation(List.of("BookMailer", "BookRoutes"), List.of("GoodRoutes", "FakeGateway", "JooqBooks")));

    private static Expectation expectationFor(String rule) {
        return EXPECTED.containsKey(rule) ? EXPECTED.get(rule) : EXPECTED_OF_SERVICES.get(rule);
    }

    private record Expectation(List<String> reported, List<String> spared) {}

    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE.root());
    }

    static Stream<NamedRule> everyRule() {
        return HexagonalRules.all(FIXTURE).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRule")
    void everyRuleReportsTheFixtureClassThatBreaksIt(NamedRule named) {
        EvaluationResult result = named.rule().evaluate(fixture);
        String report = String.join("\n", result.getFailureReport().getDetails());
        Expectation expected = expectationFor(named.name());

        assertThat(expected).as("an expectation for every rule").isNotNull();
        assertThat(result.hasViolation()).isTrue();
        assertThat(report).contains(expected.reported());
        for (String spared : expected.spared()) {
            assertThat(report).doesNotContain("." + spared + ">").doesNotContain("." + spared + ".");
        }
    }

    @Test
    void everyRuleHasAnExpectation() {
        assertThat(everyRule().map(NamedRule::name))
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(EXPECTED.keySet().stream(), EXPECTED_OF_SERVICES.keySet().stream())
                                .toList());
    }

    @Test
    void aRuleOverAPackageWithoutClassesFailsInsteadOfPassing() {
        // failOnEmptyShould is on (the default, and archunit.properties says so): a rule judging nothing fails.
        var ruleAboutNothing = ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage(FIXTURE.root() + ".nowhere..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.sql..");

        assertThatThrownBy(() -> ruleAboutNothing.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
