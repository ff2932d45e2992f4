package io.maap.actionplan;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.maap.actionplan");
    }

    @Test
    void readsNeverTouchTheAggregates() {
        noClasses().that().resideInAnyPackage("..query..", "..web..")
                .should().dependOnClassesThat().areAnnotatedWith(Aggregate.class)
                .check(classes);
    }

    @Test
    void theQueryModelIsBuiltFromEventsNotCommands() {
        noClasses().that().resideInAPackage("..query..")
                .should().dependOnClassesThat().resideInAPackage("org.axonframework.commandhandling..")
                .orShould().dependOnClassesThat().haveNameMatching(".*\\.command\\.(Deadlines|PlanState|ActionState).*")
                .check(classes);
    }

    @Test
    void theServiceDoesNotReachIntoOtherServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.maap.auditprogramme..", "io.maap.casereturn..",
                        "io.maap.reporting..")
                .check(classes);
    }
}
