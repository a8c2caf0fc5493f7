package dev.orderflow.application;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class ApplicationArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.orderflow");

    private static final ArchRule JDK_AND_DOMAIN_ONLY = classes().that().resideInAPackage("dev.orderflow.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.orderflow.domain..", "dev.orderflow.application..")
            .because("the application layer is plain Java on top of the domain");

    @Test
    void the_application_depends_on_the_jdk_and_the_domain_only() {
        JDK_AND_DOMAIN_ONLY.check(MAIN);
    }

    @Test
    void the_domain_does_not_know_the_application() {
        classes().that().resideInAPackage("dev.orderflow.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.orderflow.domain..")
                .check(MAIN);
    }

    @Test
    void packages_have_no_cycles() {
        slices().matching("dev.orderflow.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void ports_do_not_depend_on_implementations() {
        classes().that().resideInAPackage("dev.orderflow.application.port..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.orderflow.domain..", "dev.orderflow.application.port..")
                .check(MAIN);
    }

    @Test
    void the_rule_catches_a_class_that_imports_a_library() {
        var self = new ClassFileImporter().importClasses(ApplicationArchitectureTest.class);
        assertThrows(AssertionError.class, () -> JDK_AND_DOMAIN_ONLY.check(self));
    }
}
