package dev.orderflow.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.orderflow.adapters.persistence.BlockingSockets;
import dev.orderflow.adapters.persistence.PostgresStorage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The adapters' rules, checked on the classes the service is built from: each adapter depends inward only
 * (on the application and the domain), never on another adapter or on the bootstrap, and keeps its classes
 * package-private except those the bootstrap wires or a library makes by name. Classes that Micronaut generates
 * ({@code $…}) are left out.
 */
class AdapterArchitectureTest {

    /**
     * The public classes of the adapters, with why each is. {@link PostgresStorage}: its {@code STORAGE} and
     * {@code MEMORY} constants choose the storage of the run mode. {@link BlockingSockets}: pgjdbc makes it by
     * name (its {@code socketFactory} setting), which takes a public class.
     */
    private static final Set<Class<?>> PUBLIC = Set.of(PostgresStorage.class, BlockingSockets.class);

    /** The main classes only: not the tests, nor the test-jars of the adapters (their API suites, test database). */
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.orderflow");

    @Test
    void no_adapter_depends_on_another_adapter() {
        slices().matching("dev.orderflow.adapters.(*)..").should().notDependOnEachOther()
                .because("adapters meet only in the application's ports; the bootstrap connects them")
                .check(SERVICE);
    }

    @Test
    void adapters_do_not_depend_on_the_bootstrap() {
        noClasses().that().resideInAPackage("dev.orderflow.adapters..")
                .should().dependOnClassesThat().resideInAPackage("dev.orderflow.bootstrap..")
                .check(SERVICE);
    }

    @Test
    void adapter_classes_are_package_private_except_those_that_must_be_public() {
        classes().that().resideInAPackage("dev.orderflow.adapters..")
                .and().areTopLevelClasses()
                .and().haveNameNotMatching(".*\\.\\$.*")
                .and().doNotBelongToAnyOf(PUBLIC.toArray(Class<?>[]::new))
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .because("only what the bootstrap wires (or a library makes by name) is the adapters' API; list "
                        + "such a class in PUBLIC with the reason")
                .check(SERVICE);
    }

    @Test
    void every_class_listed_as_public_is_an_adapter_class_and_public() {
        classes().that().belongToAnyOf(PUBLIC.toArray(Class<?>[]::new))
                .should().resideInAPackage("dev.orderflow.adapters..")
                .andShould().bePublic()
                .check(SERVICE);
    }
}
