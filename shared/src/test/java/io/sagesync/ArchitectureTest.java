package io.sagesync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule: domain code is plain Java, ports speak only domain types, use cases know ports but no
 * technology, and only adapters (and the composition helpers in config) touch AWS, HTTP or JSON libraries.
 * Lambda event types stay in the function modules' handlers.
 */
@AnalyzeClasses(packages = "io.sagesync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] TECHNOLOGY = {"software.amazon..", "com.amazonaws..", "com.fasterxml..",
        "java.net.http..", "io.jsonwebtoken..", "com.sun.net.httpserver.."};

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("io.sagesync.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY)
            .orShould().dependOnClassesThat().resideInAnyPackage("io.sagesync.adapter..",
                    "io.sagesync.application..", "io.sagesync.config..", "io.sagesync.port..");

    @ArchTest
    static final ArchRule portsSpeakDomainOnly = noClasses().that().resideInAPackage("io.sagesync.port..")
            .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY)
            .orShould().dependOnClassesThat().resideInAnyPackage("io.sagesync.adapter..",
                    "io.sagesync.config..", "io.sagesync.application..");

    @ArchTest
    static final ArchRule adaptersImplementPortsNotUseCases = noClasses().that()
            .resideInAPackage("io.sagesync.adapter..")
            .should().dependOnClassesThat().resideInAPackage("io.sagesync.application..");

    @ArchTest
    static final ArchRule securityIsSelfContained = noClasses().that().resideInAPackage("io.sagesync.security..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sagesync.adapter..",
                    "io.sagesync.application..", "io.sagesync.config..", "software.amazon..", "java.net.http..");

    @ArchTest
    static final ArchRule useCasesKnowNoTechnology = noClasses().that().resideInAPackage("io.sagesync.application..")
            .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY)
            .orShould().dependOnClassesThat().resideInAnyPackage("io.sagesync.adapter..",
                    "io.sagesync.config..");

    @ArchTest
    static final ArchRule nothingInsideDependsOnAdapters = noClasses().that()
            .resideInAnyPackage("io.sagesync.domain..", "io.sagesync.port..", "io.sagesync.application..",
                    "io.sagesync.security..", "io.sagesync.log..")
            .should().dependOnClassesThat().resideInAPackage("io.sagesync.adapter..");

    @ArchTest
    static final ArchRule sharedNeverSeesLambdaTypes = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.amazonaws.services.lambda..");

    @ArchTest
    static final ArchRule logsNeverDependOnTheDomain = noClasses().that().resideInAPackage("io.sagesync.log..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sagesync.domain..", "io.sagesync.adapter..");
}
