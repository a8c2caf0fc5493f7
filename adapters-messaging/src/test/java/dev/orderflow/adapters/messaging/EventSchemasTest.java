package dev.orderflow.adapters.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.orderflow.events.EventType;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schemas ({@code docs/schemas}, draft 2020-12) against the golden files: each golden file is
 * valid under its schema, each schema has a golden file, each outbound event type and each inbound message type
 * has a schema, and a schema refuses its golden file without any one of its required members.
 */
class EventSchemasTest {

    static final Path SCHEMAS = Path.of("..", "docs", "schemas");
    /** The published events' goldens, which the events module's codec test pins. */
    static final Path OUTBOUND = Path.of("..", "events", "src", "test", "resources", "golden");
    /** The accepted upstream messages' goldens. */
    static final Path INBOUND = Path.of("src", "test", "resources", "golden");
    static final String SUFFIX = ".schema.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    /** Every schema's name: {@code order.placed.v1}, {@code payments.PaymentSucceeded.v1}, … */
    static List<String> schemaNames() throws IOException {
        try (var files = Files.list(SCHEMAS)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(SUFFIX))
                    .map(name -> name.substring(0, name.length() - SUFFIX.length())).sorted().toList();
        }
    }

    private static List<String> goldenNames(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length())).sorted().toList();
        }
    }

    private static Path golden(String name) {
        var outbound = OUTBOUND.resolve(name + ".json");
        return Files.exists(outbound) ? outbound : INBOUND.resolve(name + ".json");
    }

    private static Schema schema(String name) throws IOException {
        return REGISTRY.getSchema(Files.readString(SCHEMAS.resolve(name + SUFFIX)), InputFormat.JSON);
    }

    private static List<String> errors(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    @ParameterizedTest
    @MethodSource("schemaNames")
    void each_schema_has_a_golden_file_that_it_accepts(String name) throws IOException {
        var golden = golden(name);
        assertTrue(Files.exists(golden), "no golden file for schema " + name + " in " + OUTBOUND + " or " + INBOUND);
        assertEquals(List.of(), errors(schema(name), Files.readString(golden)), name);
    }

    @ParameterizedTest
    @MethodSource("schemaNames")
    void each_schema_refuses_its_golden_file_without_any_required_member(String name) throws IOException {
        var schema = schema(name);
        var members = tree(Files.readString(golden(name)));
        var required = JSON.readValue(Files.readString(SCHEMAS.resolve(name + SUFFIX)),
                Argument.mapOf(String.class, Object.class)).get("required");
        assertFalse(((List<?>) required).isEmpty(), name);
        for (var member : (List<?>) required) {
            var without = new LinkedHashMap<>(members);
            without.remove(member);
            assertFalse(errors(schema, new String(JSON.writeValueAsBytes(without))).isEmpty(),
                    name + " accepts a message without " + member);
        }
    }

    @Test
    void every_golden_file_has_a_schema_and_every_message_type_has_both() throws IOException {
        var goldens = new TreeSet<String>();
        goldens.addAll(goldenNames(OUTBOUND));
        goldens.addAll(goldenNames(INBOUND));
        var expected = new TreeSet<String>();
        for (var type : EventType.values()) {
            expected.add(type.cloudEventsType().substring("dev.orderflow.".length()));
        }
        for (var upstream : Upstream.values()) {
            for (var type : upstream.types()) {
                expected.add(upstream.consumer() + "." + type.name() + ".v1");
            }
        }
        assertEquals(expected, goldens, "golden files");
        assertEquals(expected, new TreeSet<>(schemaNames()), "schemas in " + SCHEMAS);
    }

    @Test
    void money_as_a_number_and_members_beyond_v1_are_refused_in_a_published_event() throws IOException {
        var schema = schema("order.placed.v1");
        var placed = Files.readString(golden("order.placed.v1"));
        assertFalse(errors(schema, placed.replace("\"amount\": \"25.50\"", "\"amount\": 25.5")).isEmpty());
        assertFalse(errors(schema, placed.replaceFirst("\\{", "{\"discount\": \"1.00\", ")).isEmpty());
        assertEquals(List.of(), errors(schema, placed));
    }

    @ParameterizedTest
    @MethodSource("inboundGoldens")
    void each_inbound_golden_file_is_a_message_orderflow_accepts(Upstream upstream, String name) throws IOException {
        var parsed = upstream.parse(JSON, Files.readAllBytes(INBOUND.resolve(name + ".json")));
        assertInstanceOf(Upstream.Parsed.Event.class, parsed, name + ": " + parsed);
    }

    static Stream<Arguments> inboundGoldens() {
        var cases = new ArrayList<Arguments>();
        for (var upstream : Upstream.values()) {
            for (var type : upstream.types()) {
                cases.add(Arguments.of(upstream,
                        upstream.consumer() + "." + type.name() + ".v1"));
            }
        }
        return cases.stream();
    }

    private static Map<String, Object> tree(String json) {
        try {
            return JSON.readValue(json, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
