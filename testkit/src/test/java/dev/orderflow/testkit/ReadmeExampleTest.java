package dev.orderflow.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's test-kit example is, line for line, a test of this module that runs in the build. */
class ReadmeExampleTest {

    private static final String MARKER = "<!-- testkit-example: testkit/src/test/java/"
            + "dev/orderflow/testkit/example/ConfirmOrderTest.java -->";
    private static final Path README = Path.of("../README.md");
    private static final Path EXAMPLE = Path.of("src/test/java/dev/orderflow/testkit/example/ConfirmOrderTest.java");

    @Test
    void the_readme_shows_the_example_test_without_its_package_line() throws IOException {
        var readme = Files.readString(README).replace("\r\n", "\n");
        int marker = readme.indexOf(MARKER);
        assertTrue(marker >= 0, "README.md lacks the line " + MARKER);
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        var shown = readme.substring(start, readme.indexOf("```", start));

        var test = Files.readString(EXAMPLE).replace("\r\n", "\n");
        var withoutPackage = test.substring(test.indexOf('\n') + 1).stripLeading();

        assertEquals(withoutPackage, shown, "the README's example differs from " + EXAMPLE);
        assertTrue(shown.lines().count() <= 10, "the README promises a test of at most 10 lines");
    }
}
