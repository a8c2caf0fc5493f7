package dev.orderflow.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class DomainArchitectureTest {

    private static final ArchRule ONLY_JDK = classes().that().resideInAPackage("dev.orderflow.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.orderflow.domain..")
            .because("the domain jar is embedded by other projects and depends on the JDK only");

    @Test
    void the_domain_depends_on_the_jdk_only() {
        ONLY_JDK.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.orderflow.domain"));
    }

    @Test
    void the_rule_catches_a_class_that_imports_a_library() {
        // this test class depends on JUnit and ArchUnit, so the same rule must refuse it
        var self = new ClassFileImporter().importClasses(DomainArchitectureTest.class);
        assertThrows(AssertionError.class, () -> ONLY_JDK.check(self));
    }
}
