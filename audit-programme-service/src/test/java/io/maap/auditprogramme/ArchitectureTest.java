package io.maap.auditprogramme;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.maap.auditprogramme");

    @Test
    void theQuerySideNeverReadsAggregates() {
        noClasses().that().resideInAPackage("..query..").should().dependOnClassesThat().resideInAPackage("..command..")
                .check(CLASSES);
    }

    @Test
    void aggregatesKnowNothingOfTheWebOrTheQuerySide() {
        noClasses().that().resideInAPackage("..command..").should().dependOnClassesThat()
                .resideInAnyPackage("..web..", "..query..", "org.springframework.web..", "jakarta.persistence..")
                .check(CLASSES);
    }
}
