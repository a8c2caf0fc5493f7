package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.domain.Order;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    private final Order atVersion3 = Orders.confirmedAtVersion(3);

    @Test
    void the_etag_is_the_version_in_quotes() {
        assertEquals("\"3\"", EntityTags.of(atVersion3));
    }

    @Test
    void if_match_names_one_version_or_any() {
        assertEquals(ExpectedVersion.any(), EntityTags.expected(null));
        assertEquals(ExpectedVersion.any(), EntityTags.expected(" * "));
        assertEquals(ExpectedVersion.exactly(3), EntityTags.expected("\"3\""));
        assertEquals(ExpectedVersion.exactly(3), EntityTags.expected("W/\"3\""));
    }

    @Test
    void a_malformed_if_match_is_an_invalid_request() {
        for (var bad : new String[]{"3", "\"\"", "\"0\"", "\"-1\"", "\"abc\"", "\"1\", \"2\"", "\"9999999999999999999\""}) {
            var refused = assertThrows(InvalidRequest.class, () -> EntityTags.expected(bad), bad);
            assertEquals("If-Match", refused.errors().getFirst().header());
        }
    }

    @Test
    void if_none_match_matches_the_current_version_weakly_or_star() {
        assertTrue(EntityTags.matchesNone("\"3\"", atVersion3));
        assertTrue(EntityTags.matchesNone("\"1\", W/\"3\"", atVersion3));
        assertTrue(EntityTags.matchesNone("*", atVersion3));
        assertFalse(EntityTags.matchesNone("\"2\"", atVersion3));
        assertFalse(EntityTags.matchesNone(null, atVersion3));
        assertFalse(EntityTags.matchesNone("garbage", atVersion3));
    }
}
