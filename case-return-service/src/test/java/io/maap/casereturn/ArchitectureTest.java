package io.maap.casereturn;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.maap.casereturn");

    @Test
    void theQueryModelDoesNotDependOnTheCommandModel() {
        noClasses().that().resideInAPackage("..query..")
                .should().dependOnClassesThat().resideInAPackage("..command..")
                .check(CLASSES);
    }

    @Test
    void theCommandModelKnowsNothingOfWebMessagingOrQueries() {
        noClasses().that().resideInAPackage("..command..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "..query..",
                        "org.springframework..", "jakarta.persistence..")
                .check(CLASSES);
    }

    @Test
    void theCaseReturnServiceDependsOnNoOtherService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.maap.auditprogramme..", "io.maap.actionplan..",
                        "io.maap.reporting..")
                .check(CLASSES);
    }
}
