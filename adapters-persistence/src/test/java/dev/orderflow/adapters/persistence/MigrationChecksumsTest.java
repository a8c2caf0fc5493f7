package dev.orderflow.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Shipped migrations are never edited: databases out there have run them, and Flyway would refuse to start
 * on them. {@code shipped-migrations.txt} holds the SHA-256 of each shipped file (line endings normalised);
 * a new migration is added to it when it ships.
 */
class MigrationChecksumsTest {

    @Test
    void every_migration_is_exactly_as_shipped() throws Exception {
        assertEquals(shipped(), current(),
                "a shipped migration was edited, removed or added without recording it; change the schema in a "
                        + "new V<n>__*.sql and add its line to src/test/resources/shipped-migrations.txt (and, with the checksum "
                        + "Flyway records, to src/main/resources/db/flyway-checksums.txt)");
    }

    private static Map<String, String> shipped() throws IOException {
        try (var in = MigrationChecksumsTest.class.getResourceAsStream("/shipped-migrations.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1], (a, b) -> a, TreeMap::new));
        }
    }

    private static Map<String, String> current() throws IOException, URISyntaxException {
        var directory = Path.of(MigrationChecksumsTest.class.getResource("/db/migration").toURI());
        var sums = new TreeMap<String, String>();
        try (var files = Files.list(directory)) {
            for (var file : files.toList()) {
                var text = Files.readString(file).replace("\r\n", "\n");
                sums.put(file.getFileName().toString(), sha256(text));
            }
        }
        return sums;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
