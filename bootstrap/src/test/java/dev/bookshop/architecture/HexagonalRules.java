package dev.bookshop.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The dependency rules of the hexagon, written once over a {@link Layout} so that the same definitions
 * check the real code and are shown to fail on the broken fixture. No rule allows an empty subject: a rule about a
 * package without classes fails ({@code failOnEmptyShould} stays on), and callers guard rules about adapters that
 * are not written yet.
 */
public final class HexagonalRules {

    private HexagonalRules() {}

    public record NamedRule(String name, ArchRule rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<NamedRule> all(Layout layout) {
        return List.of(
                new NamedRule("domain depends only on the JDK", domainDependsOnlyOnTheJdk(layout)),
                new NamedRule(
                        "application depends only on the JDK and the domain", applicationDependsOnlyOnDomain(layout)),
                new NamedRule("the core does no JDBC or HTTP of its own", coreDoesNoJdbcOrHttp(layout)),
                new NamedRule("the core neither prints nor logs", coreNeitherPrintsNorLogs(layout)),
                new NamedRule("no cycles between domain features", domainFeaturesAreFreeOfCycles(layout)),
                new NamedRule("adapters do not depend on each other", adaptersDoNotDependOnEachOther(layout)),
                new NamedRule("ports never depend on services", portsDoNotDependOnServices(layout)),
                new NamedRule("adapters never depend on services", adaptersDoNotDependOnServices(layout)),
                new NamedRule("the web adapter uses in-ports, queries and the domain only", webUsesInPortsOnly(layout)),
                new NamedRule("only bootstrap knows bootstrap", onlyBootstrapKnowsBootstrap(layout)),
                new NamedRule("every class lives in a known layer", everyClassLivesInAKnownLayer(layout)));
    }

    /** Entities, value objects and rules: nothing but the JDK, so they can be tested and reused anywhere. */
    public static ArchRule domainDependsOnlyOnTheJdk(Layout layout) {
        return classes()
                .that()
                .resideInAPackage(layout.domain())
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", layout.domain())
                .because("the domain is plain Java");
    }

    /** Use cases and ports see the domain and the JDK; a framework, an adapter or bootstrap would tie them down. */
    public static ArchRule applicationDependsOnlyOnDomain(Layout layout) {
        return classes()
                .that()
                .resideInAPackage(layout.application())
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", layout.domain(), layout.application())
                .because("the application depends on the domain only");
    }

    /**
     * {@code java.sql} and {@code java.net.http} are in the JDK, so the two rules above let them through; talking to
     * a database or a web service is an adapter's job, reached through an out-port.
     */
    public static ArchRule coreDoesNoJdbcOrHttp(Layout layout) {
        return noClasses()
                .that()
                .resideInAnyPackage(layout.domain(), layout.application())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "java.net.http..")
                .because("persistence and remote calls belong to adapters behind out-ports");
    }

    /**
     * Output and logging are the adapters' and bootstrap's business; the core has no logging API at all. ArchUnit's
     * own {@code USE_JAVA_UTIL_LOGGING} only sees loggers stored in fields, so any use of {@code java.util.logging}
     * or {@code System.Logger} counts here.
     */
    public static ArchRule coreNeitherPrintsNorLogs(Layout layout) {
        DescribedPredicate<JavaClass> loggingApi = DescribedPredicate.describe(
                "a JDK logging API (java.util.logging, System.Logger)",
                target -> target.getPackageName().startsWith("java.util.logging")
                        || target.getName().startsWith(System.Logger.class.getName()));
        return noClasses()
                .that()
                .resideInAnyPackage(layout.domain(), layout.application())
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .orShould()
                .dependOnClassesThat(loggingApi)
                .because("domain and application have no logging dependency");
    }

    /** One package per feature (cart, catalog, order, user…); features may build on each other, never in a circle. */
    public static ArchRule domainFeaturesAreFreeOfCycles(Layout layout) {
        return slices().matching(layout.domainFeature()).should().beFreeOfCycles();
    }

    /**
     * Each adapter is a slice: {@code web}, {@code payments}, {@code mail} and any later top-level adapter by its
     * package, and the persistence technologies ({@code memory}, {@code jooq}, {@code jpa}) each on their own, since
     * they are alternatives for the same ports. Classes directly in the persistence package or in other persistence
     * sub-packages (shared migrations, say) belong to no adapter and are not judged here.
     */
    public static ArchRule adaptersDoNotDependOnEachOther(Layout layout) {
        return slices().assignedFrom(adapterSlices(layout))
                .should()
                .notDependOnEachOther()
                .because("adapters never depend on each other");
    }

    static SliceAssignment adapterSlices(Layout layout) {
        String prefix = layout.adaptersPrefix();
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (!pkg.startsWith(prefix)) {
                    return SliceIdentifier.ignore();
                }
                String[] parts = pkg.substring(prefix.length()).split("\\.");
                if (!parts[0].equals("persistence")) {
                    return SliceIdentifier.of(parts[0]);
                }
                if (parts.length > 1 && Layout.PERSISTENCE_ADAPTERS.contains(parts[1])) {
                    return SliceIdentifier.of("persistence." + parts[1]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "adapters of " + prefix + "* (persistence split into " + Layout.PERSISTENCE_ADAPTERS + ")";
            }
        };
    }

    /**
     * A driving adapter calls the application only through its in-ports and read-side queries, and otherwise speaks
     * domain types; it never reaches for a repository, a gateway or a service behind the ports' back, and it
     * implements no out-port (hashing passwords, say, is a driven adapter of its own).
     */
    public static ArchRule webUsesInPortsOnly(Layout layout) {
        DescribedPredicate<JavaClass> application = resideInAPackage(layout.application());
        DescribedPredicate<JavaClass> allowedApplication = resideInAnyPackage(layout.inPorts(), layout.queries());
        DescribedPredicate<Dependency> allowed =
                DescribedPredicate.describe("target is outside the application, an in-port or a query", dependency -> {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    return !application.test(target) || allowedApplication.test(target);
                });
        return classes()
                .that()
                .resideInAPackage(layout.web())
                .should(onlyHaveDependenciesWhere(allowed))
                .because("driving adapters see in-ports and domain types, never out-ports or services");
    }

    /**
     * A port is a contract; the service behind an in-port is one way to keep it, and an out-port is what a service
     * needs. A port naming a service would tie every adapter to that one implementation.
     */
    public static ArchRule portsDoNotDependOnServices(Layout layout) {
        return noClasses()
                .that()
                .resideInAnyPackage(layout.inPorts(), layout.outPorts())
                .should()
                .dependOnClassesThat()
                .resideInAPackage(layout.services())
                .because("ports are contracts and know nothing of the services that keep them");
    }

    /**
     * Driving adapters call in-ports, driven adapters implement out-ports; neither reaches a service directly, or
     * the service could not be replaced, decorated or tested without that adapter. Only bootstrap builds services.
     */
    public static ArchRule adaptersDoNotDependOnServices(Layout layout) {
        return noClasses()
                .that()
                .resideInAPackage(layout.adapters())
                .should()
                .dependOnClassesThat()
                .resideInAPackage(layout.services())
                .because("adapters see ports, never the services behind them");
    }

    /** Bootstrap wires everything; if anything depended on it, the wiring would leak into the layers it wires. */
    public static ArchRule onlyBootstrapKnowsBootstrap(Layout layout) {
        return noClasses()
                .that()
                .resideOutsideOfPackage(layout.bootstrap())
                .should()
                .dependOnClassesThat()
                .resideInAPackage(layout.bootstrap())
                .because("the composition root is the outermost ring");
    }

    /**
     * The rules above name packages; a class in a package they do not name (a typo, {@code dev.bookshop.web}) would
     * escape all of them, and the guard that waits for an adapter's classes would wait forever.
     */
    public static ArchRule everyClassLivesInAKnownLayer(Layout layout) {
        return classes()
                .that()
                .resideInAPackage(layout.root() + "..")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .resideInAnyPackage(layout.knownPackages().toArray(String[]::new))
                .because("every class belongs to one ring of the hexagon");
    }
}
