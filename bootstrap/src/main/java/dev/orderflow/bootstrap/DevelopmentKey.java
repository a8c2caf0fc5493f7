package dev.orderflow.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The HS256 secret tokens are signed with when neither an identity provider's JWKS URL nor a secret is
 * configured: made at the first start in the data directory (readable by its owner only) and reused by every
 * later start and by the {@code token} command, so that the service runs without setup and still never
 * serves a request without a token.
 */
final class DevelopmentKey {

    static final String FILE_NAME = "dev-jwt-secret";
    static final String SECRET_ENV = "ORDERFLOW_AUTH_JWT_SECRET";
    static final String JWKS_ENV = "ORDERFLOW_AUTH_JWKS_URL";
    private static final String DATA_DIR_ENV = "ORDERFLOW_DB_DATA_DIR";
    private static final String DATA_DIR_PROPERTY = "orderflow.db.data-dir";
    private static final String DEFAULT_DATA_DIR = "data/postgres";

    private DevelopmentKey() {
    }

    /** Whether the configuration names no key source, so that the development key is used. */
    static boolean needed(Map<String, String> env, Properties system) {
        return set(env, system, SECRET_ENV, "orderflow.auth.jwt-secret").isEmpty()
                && set(env, system, JWKS_ENV, "orderflow.auth.jwks-url").isEmpty();
    }

    static Optional<String> set(Map<String, String> env, Properties system, String variable, String property) {
        return Optional.ofNullable(env.get(variable)).or(() -> Optional.ofNullable(system.getProperty(property)))
                .map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The file of the development key: beside the embedded database's directory, in the data directory. */
    static Path file(Map<String, String> env, Properties system) {
        var database = Path.of(Optional.ofNullable(env.get(DATA_DIR_ENV))
                .orElseGet(() -> system.getProperty(DATA_DIR_PROPERTY, DEFAULT_DATA_DIR))).toAbsolutePath();
        var parent = database.getParent();
        return (parent == null ? database : parent).resolve(FILE_NAME);
    }

    /** The key in {@code file}, made (mode 0600) if there is none yet. */
    static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.getParent());
            var random = new byte[48];
            new SecureRandom().nextBytes(random);
            var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException e) {
                return read(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development key " + file, e);
        }
    }

    private static String read(Path file) throws IOException {
        var secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (secret.length() < 32) {
            throw new IllegalArgumentException("the development key " + file + " is shorter than 32 characters; "
                    + "delete it to have a new one made");
        }
        return secret;
    }
}
