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
    void content_after_the_value_is_refused_and_what_is_not_json_is_left_to_the_reader() {
        assertEquals("the body holds content after its JSON value", SingleJsonDocument.refusal("{} {}"));
        assertEquals("the body holds content after its JSON value", SingleJsonDocument.refusal("{\"a\": 1} garbage"));
        assertNull(SingleJsonDocument.refusal("{\"a\": "));
        assertNull(SingleJsonDocument.refusal("not json"));
    }
}
