package dev.orderflow.adapters.persistence;

import static dev.orderflow.testkit.contract.ContractFixtures.deliveredLife;
import static dev.orderflow.testkit.contract.ContractFixtures.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.domain.OrderEvent;
import dev.orderflow.events.EventCodec;
import io.micronaut.serde.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final EventJson json = new EventJson(new EventCodec(ObjectMapper.getDefault()));

    @Test
    void the_outbox_reuses_the_rows_the_event_log_made_of_the_same_events() {
        var events = deliveredLife(newId());

        var forTheLog = json.rows(events);
        var forTheOutbox = json.rows(List.copyOf(events));

        assertSame(forTheLog, forTheOutbox);
    }

    @Test
    void one_event_is_one_row_of_columns_and_several_are_one_json_array() {
        var events = deliveredLife(newId());
        var placed = events.getFirst();

        var one = json.rows(List.of(placed));
        var many = json.rows(events);

        assertEquals(new EventJson.Rows.One(placed.orderId().value(), 1, "OrderPlaced", placed.occurredAt(),
                new String(new EventCodec(ObjectMapper.getDefault()).write(placed), StandardCharsets.UTF_8)), one);
        var array = assertInstanceOf(EventJson.Rows.Many.class, many).json();
        assertTrue(array.startsWith("[{\"order_id\":\"" + placed.orderId().value() + "\",\"version\":1,"), array);
    }

    @Test
    void a_list_filled_anew_between_appends_gets_the_rows_of_its_new_events() {
        var batch = new ArrayList<OrderEvent>(deliveredLife(newId()));
        var first = json.rows(batch);

        batch.clear();
        batch.addAll(deliveredLife(newId()));
        var second = json.rows(batch);

        assertNotEquals(first, second);
        assertEquals(new EventJson(new EventCodec(ObjectMapper.getDefault())).rows(batch), second);
    }
}
