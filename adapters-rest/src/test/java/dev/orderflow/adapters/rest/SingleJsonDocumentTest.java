package dev.orderflow.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SingleJsonDocumentTest {

    @Test
    void one_document_whose_objects_name_each_member_once_passes() {
        assertNull(SingleJsonDocument.refusal("{\"a\": [{\"x\": 1, \"y\": {\"x\": 2}}, {\"x\": 3}], \"b\": {\"a\": 4}}"));
        assertNull(SingleJsonDocument.refusal("[1, {\"a\": 1}, {\"a\": 2}]"));
        assertNull(SingleJsonDocument.refusal("  "));
    }

    @Test
    void a_member_named_twice_is_refused_with_its_pointer() {
        assertEquals("the member /a appears twice; name each member of an object once",
                SingleJsonDocument.refusal("{\"a\": 1, \"b\": 2, \"a\": 3}"));
        assertEquals("the member /lines/1/sku appears twice; name each member of an object once",
                SingleJsonDocument.refusal("{\"lines\": [{\"sku\": \"A\"}, {\"sku\": \"B\", \"n\": {}, \"sku\": \"C\"}]}"));
    }

    @Test
    void content_after_the_value_is_refused_and_so_is_what_is_not_json_text() {
        assertEquals("the body holds content after its JSON value", SingleJsonDocument.refusal("{} {}"));
        assertEquals("the body holds content after its JSON value", SingleJsonDocument.refusal("{\"a\": 1} garbage"));
        assertEquals(ProblemResponses.BODY_UNREADABLE, SingleJsonDocument.refusal("{\"a\": "));
        assertEquals(ProblemResponses.BODY_UNREADABLE, SingleJsonDocument.refusal("not json"));
        // UTF-16LE read as UTF-8: a NUL after each character
        assertEquals(ProblemResponses.BODY_UNREADABLE,
                SingleJsonDocument.refusal("{\u0000\"\u0000a\u0000\"\u0000:\u00001\u0000}\u0000"));
    }

    @Test
    void a_byte_order_mark_before_the_value_is_ignored() {
        assertNull(SingleJsonDocument.refusal("\uFEFF{\"a\": 1}"));
    }
}
