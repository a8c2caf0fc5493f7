package dev.orderflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reads the built module descriptors: only the API packages are exported. */
class ModuleDescriptorIT {

    @Test
    void the_application_module_exports_its_api_packages_only() {
        var descriptor = ModuleFinder.of(Path.of("target/classes")).find("dev.orderflow.application")
                .orElseThrow().descriptor();
        assertEquals(Set.of("dev.orderflow.application", "dev.orderflow.application.port.in",
                "dev.orderflow.application.port.out", "dev.orderflow.application.memory"), exported(descriptor));
        assertEquals(Set.of("dev.orderflow.domain"), descriptor.requires().stream()
                .map(ModuleDescriptor.Requires::name).filter(n -> !n.startsWith("java.")).collect(Collectors.toSet()));
    }

    @Test
    void the_domain_module_exports_one_package_and_requires_nothing_but_the_jdk() {
        var descriptor = ModuleFinder.of(Path.of("../domain/target/classes")).find("dev.orderflow.domain")
                .orElseThrow().descriptor();
        assertEquals(Set.of("dev.orderflow.domain"), exported(descriptor));
        assertEquals(Set.of("java.base"), descriptor.requires().stream()
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
    }

    private static Set<String> exported(ModuleDescriptor descriptor) {
        return descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    }
}
