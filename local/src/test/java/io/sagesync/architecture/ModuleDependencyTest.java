package io.sagesync.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule across modules (shared's own ArchitectureTest sees only shared). This module depends on every
 * function, so here ArchUnit sees all production classes: shared, the four functions, local, the simulators and
 * the testkit.
 *
 * <pre>
 *   functions/* handlers -> application (use cases) -> port <- adapter
 *                \-> composition (wires adapters)      \-> domain (plain Java)
 * </pre>
 */
@AnalyzeClasses(packages = "io.sagesync", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDependencyTest {
    private static final String[] FUNCTIONS = {"io.sagesync.webhook..", "io.sagesync.sync..", "io.sagesync.push..",
        "io.sagesync.admin..", "io.sagesync.console.."};
    private static final String[] SHARED = {"io.sagesync.domain..", "io.sagesync.port..",
        "io.sagesync.application..", "io.sagesync.adapter..", "io.sagesync.config..", "io.sagesync.security..",
        "io.sagesync.log..", "io.sagesync.retry.."};
    private static final String[] TEST_SUPPORT = {"io.sagesync.simulator..", "io.sagesync.testkit..",
        "io.sagesync.local.."};

    @ArchTest
    static final ArchRule sharedNeverDependsOnAFunctionOrLocal = noClasses().that().resideInAnyPackage(SHARED)
            .should().dependOnClassesThat().resideInAnyPackage(FUNCTIONS)
            .orShould().dependOnClassesThat().resideInAnyPackage(TEST_SUPPORT);

    /** One exception: the console's composition root reuses the admin's wiring of the admin use cases. */
    @ArchTest
    static final ArchRule functionsAreIndependentOfEachOther = slices()
            .matching("io.sagesync.(webhook|sync|push|admin|console)..").should().notDependOnEachOther()
            .ignoreDependency(JavaClass.Predicates.equivalentTo(io.sagesync.console.ConsoleComposition.class),
                    JavaClass.Predicates.resideInAPackage("io.sagesync.admin"));

    @ArchTest
    static final ArchRule productionNeverDependsOnSimulatorsTestkitOrLocal = noClasses()
            .that().resideInAnyPackage(FUNCTIONS)
            .should().dependOnClassesThat().resideInAnyPackage(TEST_SUPPORT);

    @ArchTest
    static final ArchRule simulatorsAreIndependentImplementationsOfTheWireContract = noClasses()
            .that().resideInAPackage("io.sagesync.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage(SHARED)
            .orShould().dependOnClassesThat().resideInAnyPackage(FUNCTIONS);

    @ArchTest
    static final ArchRule handlersOnlyTranslateAndCallAUseCase = noClasses()
            .that().resideInAnyPackage(FUNCTIONS).and().haveSimpleNameEndingWith("Handler")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "java.net.http..",
                    "io.jsonwebtoken..", "io.sagesync.security..")
            .orShould().dependOnClassesThat().resideInAnyPackage("io.sagesync.adapter.dynamodb..",
                    "io.sagesync.adapter.sage..", "io.sagesync.adapter.magento..", "io.sagesync.adapter.secrets..",
                    "io.sagesync.adapter.http..");

    @ArchTest
    static final ArchRule lambdaTypesStayInTheFunctions = noClasses().that().resideInAnyPackage(SHARED)
            .should().dependOnClassesThat().resideInAPackage("com.amazonaws.services.lambda..");
}
