package dev.orderflow.adapters.rest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Beans of the REST adapter that need configuration. */
@Factory
final class RestApiBeans {

    static final String CURSOR_SECRET = "orderflow.api.cursor-secret";
    private static final Logger LOG = LoggerFactory.getLogger(RestApiBeans.class);

    /**
     * The cursor codec, keyed with {@code orderflow.api.cursor-secret} (at least 32 characters). Without it
     * a random key is made: cursors then work on this instance only and only until it restarts.
     */
    @Context // made at start: its warning belongs to the start, not to the first request that lists orders
    PageCursors pageCursors(@Value("${" + CURSOR_SECRET + ":}") String secret) {
        if (secret.isEmpty()) {
            LOG.warn("{} is not set: page cursors are signed with a random key and only work on this instance "
                    + "until it restarts; set it (32+ characters, the same on every instance) when running more "
                    + "than one", CURSOR_SECRET);
            var random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new PageCursors(random);
        }
        var bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new ConfigurationException(CURSOR_SECRET + " must be at least 32 characters long");
        }
        return new PageCursors(bytes);
    }
}
