package dev.bookshop.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the production classes of every module on bootstrap's classpath against the hexagon's rules. Rules about
 * adapters that have no classes yet are skipped by an explicit assumption (visible as skipped tests) instead of
 * switching off {@code failOnEmptyShould}; {@link HexagonalRules#everyClassLivesInAKnownLayer} makes sure an adapter
 * cannot dodge its rule by living in an unexpected package.
 */
class ArchitectureTest {

    private static final Layout LAYOUT = Layout.BOOKSHOP;
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(LAYOUT.root());
    }

    @Test
    void theImportSeesTheCoreAndNoTestClasses() {
        assertThat(production.contain("dev.bookshop.domain.cart.Cart")).isTrue();
        assertThat(production.contain("dev.bookshop.application.shared.port.in.UseCases"))
                .isTrue();
        assertThat(production.stream().map(JavaClass::getPackageName))
                .noneMatch(pkg -> pkg.startsWith("dev.bookshop.architecture"));
    }

    @Test
    void domainDependsOnlyOnTheJdk() {
        HexagonalRules.domainDependsOnlyOnTheJdk(LAYOUT).check(production);
    }

    @Test
    void applicationDependsOnlyOnTheJdkAndTheDomain() {
        HexagonalRules.applicationDependsOnlyOnDomain(LAYOUT).check(production);
    }

    @Test
    void theCoreDoesNoJdbcOrHttpOfItsOwn() {
        HexagonalRules.coreDoesNoJdbcOrHttp(LAYOUT).check(production);
    }

    @Test
    void theCoreNeitherPrintsNorLogs() {
        HexagonalRules.coreNeitherPrintsNorLogs(LAYOUT).check(production);
    }

    @Test
    void domainFeaturesAreFreeOfCycles() {
        HexagonalRules.domainFeaturesAreFreeOfCycles(LAYOUT).check(production);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        assumeClassesIn(LAYOUT.adapters());
        HexagonalRules.adaptersDoNotDependOnEachOther(LAYOUT).check(production);
    }

    @Test
    void theWebAdapterUsesInPortsQueriesAndTheDomainOnly() {
        assumeClassesIn(LAYOUT.web());
        HexagonalRules.webUsesInPortsOnly(LAYOUT).check(production);
    }

    @Test
    void portsNeverDependOnServices() {
        HexagonalRules.portsDoNotDependOnServices(LAYOUT).check(production);
    }

    @Test
    void adaptersNeverDependOnServices() {
        HexagonalRules.adaptersDoNotDependOnServices(LAYOUT).check(production);
    }

    @Test
    void onlyBootstrapKnowsBootstrap() {
        HexagonalRules.onlyBootstrapKnowsBootstrap(LAYOUT).check(production);
    }

    @Test
    void everyClassLivesInAKnownLayer() {
        HexagonalRules.everyClassLivesInAKnownLayer(LAYOUT).check(production);
    }

    /**
     * Skips a rule while the package it judges has no classes: the adapter modules exist before their code does.
     * Once the first class lands, the rule runs without anyone touching this test.
     */
    private static void assumeClassesIn(String packagePattern) {
        assumeFalse(
                production.that(resideInAPackage(packagePattern)).isEmpty(),
                () -> "no production classes in " + packagePattern + " yet; the rule runs once there are");
    }
}
