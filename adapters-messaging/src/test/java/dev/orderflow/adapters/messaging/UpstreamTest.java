package dev.orderflow.adapters.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.application.port.in.UpstreamEvent;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.TrackingNumber;
import io.micronaut.serde.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamTest {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final String ORDER = "0195f3a2-7c4e-7d1a-9b3c-5e6f7a8b9c0d";
    private static final OrderId ID = OrderId.parse(ORDER);

    private static Upstream.Parsed parse(Upstream upstream, String json) {
        return upstream.parse(JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    private static UpstreamEvent event(Upstream upstream, String json) {
        var parsed = assertInstanceOf(Upstream.Parsed.Event.class, parse(upstream, json));
        assertEquals("e-1", parsed.messageId());
        return parsed.event();
    }

    @Test
    void each_documented_event_type_is_read() {
        assertEquals(new UpstreamEvent.PaymentSucceeded(ID), event(Upstream.PAYMENTS, """
                {"type":"PaymentSucceeded","eventId":"e-1","orderId":"%s","paymentId":"ignored"}""".formatted(ORDER)));
        assertEquals(new UpstreamEvent.PaymentFailed(ID, new CancellationReason("card declined")),
                event(Upstream.PAYMENTS, """
                        {"type":"PaymentFailed","eventId":"e-1","orderId":"%s","reason":"card declined"}"""
                        .formatted(ORDER)));
        assertEquals(new UpstreamEvent.ParcelShipped(ID, new Carrier("DHL"), new TrackingNumber("JD0001")),
                event(Upstream.SHIPPING, """
                        {"type":"ParcelShipped","eventId":"e-1","orderId":"%s","carrier":"DHL",
                         "trackingNumber":"JD0001"}""".formatted(ORDER)));
        assertEquals(new UpstreamEvent.ParcelDelivered(ID), event(Upstream.SHIPPING, """
                {"type":"ParcelDelivered","eventId":"e-1","orderId":"%s"}""".formatted(ORDER)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all                                                      | not a JSON object",
            "[1,2]                                                                | not a JSON object",
            "null                                                                 | JSON null",
            "{\"eventId\":\"e-1\"}                                                | type is missing",
            "{\"type\":\"ParcelShipped\",\"eventId\":\"e-1\"}                     | unknown type \"ParcelShipped\" for payments",
            "{\"type\":\"Refund\",\"eventId\":\"e-1\"}                            | unknown type \"Refund\"",
            "{\"type\":\"PaymentSucceeded\",\"orderId\":\"x\"}                    | eventId is missing",
            "{\"type\":\"PaymentSucceeded\",\"eventId\":\" \",\"orderId\":\"x\"}  | eventId is missing",
            "{\"type\":\"PaymentSucceeded\",\"eventId\":\"e-1\"}                  | orderId is missing",
            "{\"type\":\"PaymentSucceeded\",\"eventId\":\"e\\u0000x\",\"orderId\":\"x\"} | eventId must be 1 to 200 printable",
            "{\"type\":\"PaymentSucceeded\",\"eventId\":\"é-1\",\"orderId\":\"x\"} | eventId must be 1 to 200 printable",
            "{\"type\":\"PaymentSucceeded\",\"eventId\":\"e-1\\n\",\"orderId\":\"x\"} | eventId must be 1 to 200 printable",
            "{\"type\":\"PaymentSucceeded\",\"eventId\":\"e-1\",\"orderId\":\"42\"} | orderId must be a UUID",
            "{\"type\":\"PaymentFailed\",\"eventId\":\"e-1\",\"orderId\":\"" + ORDER + "\"} | reason is missing",
    })
    void malformed_payment_records_are_refused_with_the_reason(String json, String reason) {
        var malformed = assertInstanceOf(Upstream.Parsed.Malformed.class, parse(Upstream.PAYMENTS, json));
        assertTrue(malformed.reason().contains(reason), malformed.reason());
    }

    @Test
    void a_shipped_parcel_needs_a_valid_tracking_number() {
        var malformed = assertInstanceOf(Upstream.Parsed.Malformed.class, parse(Upstream.SHIPPING, """
                {"type":"ParcelShipped","eventId":"e-1","orderId":"%s","carrier":"DHL","trackingNumber":"no spaces"}"""
                .formatted(ORDER)));
        assertTrue(malformed.reason().startsWith("trackingNumber must be"), malformed.reason());
    }

    @Test
    void an_event_id_longer_than_200_characters_is_malformed_and_200_are_accepted() {
        var template = "{\"type\":\"PaymentSucceeded\",\"eventId\":\"%s\",\"orderId\":\"" + ORDER + "\"}";
        assertInstanceOf(Upstream.Parsed.Event.class, parse(Upstream.PAYMENTS, template.formatted("e".repeat(200))));
        var malformed = assertInstanceOf(Upstream.Parsed.Malformed.class,
                parse(Upstream.PAYMENTS, template.formatted("e".repeat(201))));
        assertTrue(malformed.reason().startsWith("eventId must be"), malformed.reason());
    }

    @Test
    void a_record_without_a_value_is_malformed() {
        assertInstanceOf(Upstream.Parsed.Malformed.class, Upstream.SHIPPING.parse(JSON, null));
    }

    @Test
    void backoff_doubles_up_to_the_maximum() {
        var initial = java.time.Duration.ofMillis(200);
        var max = java.time.Duration.ofSeconds(1);
        assertEquals(java.time.Duration.ofMillis(200), MessagingSettings.backoff(initial, max, 1));
        assertEquals(java.time.Duration.ofMillis(400), MessagingSettings.backoff(initial, max, 2));
        assertEquals(java.time.Duration.ofMillis(800), MessagingSettings.backoff(initial, max, 3));
        assertEquals(max, MessagingSettings.backoff(initial, max, 4));
        assertEquals(max, MessagingSettings.backoff(initial, max, 60));
    }
}
