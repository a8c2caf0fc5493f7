package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.application.port.in.StoredReply;
import io.micronaut.serde.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredRepliesTest {

    private final StoredReplies replies = new StoredReplies(ObjectMapper.getDefault());

    @Test
    void a_reply_comes_back_as_it_was_encoded() {
        var reply = new StoredReplies.HttpReply(201, Map.of("Location", "/api/v1/orders/1", "ETag", "\"1\""),
                "{\"id\":\"1\",\"note\":\"süß\"}");
        assertEquals(reply, replies.decode(replies.encode(reply)));
    }

    @Test
    void a_reply_stored_before_v4_reads_as_the_persistence_migration_wrote_it() {
        // what PostgreSQL's jsonb text output makes of a row of before; IdempotencyReplyMigrationIT pins it
        var migrated = """
                {"body": "{\\"id\\":\\"0192\\",\\"note\\":\\"süß\\"}", "status": 201, "headers": \
                {"ETag": "\\"1\\"", "Location": "/api/v1/orders/0192"}}""";
        assertEquals(new StoredReplies.HttpReply(201, Map.of("ETag", "\"1\"", "Location", "/api/v1/orders/0192"),
                        "{\"id\":\"0192\",\"note\":\"süß\"}"),
                replies.decode(new StoredReply(migrated.getBytes(StandardCharsets.UTF_8))));
    }
}
