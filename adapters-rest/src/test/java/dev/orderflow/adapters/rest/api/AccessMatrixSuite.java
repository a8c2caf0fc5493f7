package dev.orderflow.adapters.rest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix, cell by cell: what a customer may do with its own and with another customer's
 * orders, what staff, services and admins may do, which actor the events record, and that idempotency keys
 * are per principal. Extend it like the other suites.
 */
public abstract class AccessMatrixSuite extends ApiSuite {

    private static final String SHIP = "{\"carrier\": \"DHL\", \"trackingNumber\": \"JD014600003828\"}";
    private static final String CANCEL = "{\"reason\": \"changed my mind\"}";

    private String placedBy(ApiClient client, String customerId) {
        var response = client.postJson(ORDERS, orderJson(customerId));
        assertEquals(201, response.status(), response::toString);
        return id(response);
    }

    private String actorOf(String orderId, int event) {
        return api().get(ORDERS + "/" + orderId + "/events").json().get("items").get(event).get("actor")
                .getStringValue();
    }

    // place an order

    @Test
    void a_customer_places_orders_for_itself_only() {
        var me = customer();
        var client = as(me, "customer");
        var omitted = client.postJson(ORDERS, orderJson("x").replace("\"customerId\": \"x\",", ""));
        assertEquals(201, omitted.status(), omitted::toString);
        assertEquals(me, omitted.json().get("customerId").getStringValue());
        assertEquals("customer:" + me, actorOf(id(omitted), 0));
        assertEquals(201, client.postJson(ORDERS, orderJson(me)).status());
        var padded = client.postJson(ORDERS, orderJson(" " + me + " "));
        assertEquals(201, padded.status(), "its own id, as staff's is read, with white space around: " + padded);
        assertEquals(me, padded.json().get("customerId").getStringValue());
        var before = storedOrders();
        assertProblem(client.postJson(ORDERS, orderJson(customer())), 403, "forbidden");
        assertEquals(before, storedOrders());
    }

    @Test
    void staff_services_and_admins_place_orders_for_any_customer() {
        assertEquals("staff:ann", actorOf(placedBy(as("ann", "staff"), customer()), 0));
        assertEquals("system:shop-frontend", actorOf(placedBy(as("shop-frontend", "service"), customer()), 0));
        assertEquals("staff:root", actorOf(placedBy(as("root", "admin"), customer()), 0));
    }

    // get an order, its events

    @Test
    void a_customer_reads_its_own_orders_and_another_customers_order_does_not_exist_for_it() {
        var me = customer();
        var mine = placedBy(api(), me);
        var theirs = placedBy(api(), customer());
        var client = as(me, "customer");
        assertEquals(200, client.get(ORDERS + "/" + mine).status());
        assertEquals(200, client.get(ORDERS + "/" + mine + "/events").status());
        assertProblem(client.get(ORDERS + "/" + theirs), 404, "not-found");
        assertProblem(client.get(ORDERS + "/" + theirs + "/events"), 404, "not-found");
        var unknown = UUID.randomUUID();
        assertEquals(client.get(ORDERS + "/" + theirs).json().get("title").getStringValue(),
                client.get(ORDERS + "/" + unknown).json().get("title").getStringValue(),
                "another's order and no order look alike");
    }

    @Test
    void staff_services_and_admins_read_every_order() {
        var order = placedBy(api(), customer());
        for (var client : List.of(as("ann", "staff"), as("payments", "service"), as("root", "admin"))) {
            assertEquals(200, client.get(ORDERS + "/" + order).status());
            assertEquals(200, client.get(ORDERS + "/" + order + "/events").status());
        }
    }

    // list orders

    @Test
    void a_customer_lists_its_own_orders_only() {
        var me = customer();
        var other = customer();
        var mine = placedBy(api(), me);
        placedBy(api(), other);
        var client = as(me, "customer");
        var all = client.get(ORDERS + "?limit=200");
        assertEquals(200, all.status(), all::toString);
        var ids = new ArrayList<String>();
        for (var item : all.json().get("items").values()) {
            assertEquals(me, item.get("customerId").getStringValue());
            ids.add(item.get("id").getStringValue());
        }
        assertEquals(List.of(mine), ids);
        assertEquals(200, client.get(ORDERS + "?customerId=" + me).status());
        assertEquals(200, client.get(ORDERS + "?customerId=%20" + me).status());
        assertProblem(client.get(ORDERS + "?customerId=" + other), 403, "forbidden");
    }

    @Test
    void staff_services_and_admins_list_every_customers_orders() {
        var someone = customer();
        var order = placedBy(api(), someone);
        for (var client : List.of(as("ann", "staff"), as("payments", "service"), as("root", "admin"))) {
            var page = client.get(ORDERS + "?customerId=" + someone);
            assertEquals(200, page.status(), page::toString);
            assertEquals(order, page.json().get("items").get(0).get("id").getStringValue());
        }
    }

    // confirm, ship, deliver

    @Test
    void a_customer_cannot_confirm_ship_or_deliver_even_its_own_order() {
        var me = customer();
        var order = placedBy(as(me, "customer"), me);
        var client = as(me, "customer");
        assertProblem(client.postJson(ORDERS + "/" + order + "/confirm", null), 403, "forbidden");
        assertEquals(200, api().postJson(ORDERS + "/" + order + "/confirm", null).status());
        assertProblem(client.postJson(ORDERS + "/" + order + "/ship", SHIP), 403, "forbidden");
        assertEquals(200, api().postJson(ORDERS + "/" + order + "/ship", SHIP).status());
        assertProblem(client.postJson(ORDERS + "/" + order + "/deliver", null), 403, "forbidden");
        assertProblem(as(me, "customer").postJson(ORDERS + "/" + placedBy(api(), customer()) + "/confirm", null),
                403, "forbidden");
    }

    @Test
    void staff_services_and_admins_confirm_ship_and_deliver() {
        var cases = List.of(List.of("ann", "staff", "staff:ann"), List.of("payments", "service", "system:payments"),
                List.of("root", "admin", "staff:root"));
        for (var row : cases) {
            var client = as(row.get(0), row.get(1));
            var order = placedBy(api(), customer());
            assertEquals(200, client.postJson(ORDERS + "/" + order + "/confirm", null).status(), row::toString);
            assertEquals(200, client.postJson(ORDERS + "/" + order + "/ship", SHIP).status(), row::toString);
            assertEquals(200, client.postJson(ORDERS + "/" + order + "/deliver", null).status(), row::toString);
            assertEquals(row.get(2), actorOf(order, 3), row::toString);
        }
    }

    // cancel

    @Test
    void a_customer_cancels_its_own_orders_only() {
        var me = customer();
        var mine = placedBy(api(), me);
        var theirs = placedBy(api(), customer());
        var client = as(me, "customer");
        assertProblem(client.postJson(ORDERS + "/" + theirs + "/cancel", CANCEL), 404, "not-found");
        assertEquals("PENDING", api().get(ORDERS + "/" + theirs).json().get("status").getStringValue());
        var cancelled = client.postJson(ORDERS + "/" + mine + "/cancel", CANCEL);
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("customer:" + me, actorOf(mine, 1));
        assertProblem(client.postJson(ORDERS + "/" + mine + "/cancel", CANCEL), 409, "invalid-transition");
    }

    @Test
    void staff_services_and_admins_cancel_any_order() {
        for (var client : List.of(as("ann", "staff"), as("payments", "service"), as("root", "admin"))) {
            var order = placedBy(api(), customer());
            assertEquals(200, client.postJson(ORDERS + "/" + order + "/cancel", CANCEL).status());
        }
    }

    // who is refused before anything else

    @Test
    void without_a_token_everything_is_401_and_without_an_order_role_403() {
        var order = placedBy(api(), customer());
        var paths = List.of(ORDERS, ORDERS + "/" + order, ORDERS + "/" + order + "/events");
        for (var path : paths) {
            var anonymous = anonymous().get(path);
            assertProblem(anonymous, 401, "unauthorized");
            assertTrue(anonymous.header("WWW-Authenticate").orElse("").startsWith("Bearer"), anonymous::toString);
            assertProblem(as("eve", "auditor").get(path), 403, "forbidden");
        }
        assertProblem(anonymous().postJson(ORDERS, orderJson(customer())), 401, "unauthorized");
        assertProblem(anonymous().postJson(ORDERS + "/" + UUID.randomUUID() + "/cancel", CANCEL), 401,
                "unauthorized");
        assertProblem(as("eve", "auditor").postJson(ORDERS, orderJson(customer())), 403, "forbidden");
    }

    // idempotency keys

    @Test
    void the_same_idempotency_key_from_two_principals_names_two_requests() {
        var key = "same-key-" + UUID.randomUUID();
        var first = customer();
        var second = customer();
        var a = as(first, "customer").postJson(ORDERS, orderJson(first), "Idempotency-Key", key);
        var b = as(second, "customer").postJson(ORDERS, orderJson(second), "Idempotency-Key", key);
        assertEquals(201, a.status(), a::toString);
        assertEquals(201, b.status(), b::toString);
        assertNotEquals(id(a), id(b));
        assertFalse(b.header("Idempotent-Replayed").isPresent());
        var again = as(first, "customer").postJson(ORDERS, orderJson(first), "Idempotency-Key", key);
        assertEquals("true", again.header("Idempotent-Replayed").orElse(null), again::toString);
        assertEquals(id(a), id(again));
    }
}
