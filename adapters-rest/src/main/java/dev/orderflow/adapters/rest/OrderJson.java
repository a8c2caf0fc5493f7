package dev.orderflow.adapters.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.CustomerId;
import dev.orderflow.domain.OrderLifecycle;
import dev.orderflow.domain.Quantity;
import dev.orderflow.domain.ShippingAddress;
import dev.orderflow.domain.Sku;
import dev.orderflow.domain.TrackingNumber;
import dev.orderflow.events.EventType;
import dev.orderflow.events.OrderCancelledV1;
import dev.orderflow.events.OrderConfirmedV1;
import dev.orderflow.events.OrderDeliveredV1;
import dev.orderflow.events.OrderEventV1;
import dev.orderflow.events.OrderPlacedV1;
import dev.orderflow.events.OrderShippedV1;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The JSON documents of the API. They are plain carriers: {@link OrderMapping} converts between them and the
 * domain, and the domain's value types have the final word on what is valid. The Bean Validation limits here
 * bound every string and list before any of it reaches the domain. A request document refuses a member it does
 * not define: a misspelt optional member ({@code "reson"}, {@code "lin2"}) would otherwise be dropped silently.
 */
final class OrderJson {

    private OrderJson() {
    }

    /** Longest decimal amount accepted (19 digits, a point and 4 decimals). */
    static final int MAX_AMOUNT = 24;

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    @Schema(name = "Money", description = "An amount as a decimal string (never a float) and an ISO 4217 currency")
    record Money(
            @NotBlank @Size(max = MAX_AMOUNT) @Schema(example = "12.50", pattern = "^\\d{1,19}(\\.\\d{1,4})?$")
            @Strict String amount,
            @Strict @NotBlank @Size(min = 3, max = 3) @Schema(example = "EUR") String currency) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ShippingAddress")
    record Address(
            @Strict @NotBlank @Size(max = ShippingAddress.MAX_TEXT) @Schema(example = "Ada Lovelace") String recipient,
            @Strict @NotBlank @Size(max = ShippingAddress.MAX_TEXT) @Schema(example = "1 Main St") String line1,
            @Strict @Nullable @Size(max = ShippingAddress.MAX_TEXT) String line2,
            @Strict @NotBlank @Size(max = ShippingAddress.MAX_POSTAL_CODE) @Schema(example = "10115") String postalCode,
            @Strict @NotBlank @Size(max = ShippingAddress.MAX_TEXT) @Schema(example = "Berlin") String city,
            @Strict @Nullable @Size(max = ShippingAddress.MAX_TEXT) String region,
            @NotBlank @Size(min = 2, max = 2) @Schema(example = "DE", description = "ISO 3166-1 alpha-2")
            @Strict String country) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    @Schema(name = "NewOrderLine")
    record NewLine(
            @Strict @NotBlank @Size(max = Sku.MAX_LENGTH) @Schema(example = "BOOK-1") String sku,
            @NotNull @Min(1) @Max(Quantity.MAX) @Schema(example = "2")
            @Serdeable.Deserializable(using = StrictJson.WholeNumber.class) Integer quantity,
            @NotNull @Valid Money unitPrice) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    @Schema(name = "PlaceOrderRequest")
    record PlaceOrder(
            @Strict @Nullable @Size(max = CustomerId.MAX_LENGTH) @Schema(example = "c-42", description = "Required "
                    + "for staff and services; a customer may omit it (then it is the token's sub) or send its own")
            String customerId,
            @NotNull @Size(min = 1, max = OrderLifecycle.MAX_LINES) List<@NotNull @Valid NewLine> lines,
            @NotNull @Valid Address shippingAddress) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    @Schema(name = "ShipRequest")
    record Ship(
            @Strict @NotBlank @Size(max = Carrier.MAX_LENGTH) @Schema(example = "DHL") String carrier,
            @Strict @NotBlank @Size(max = TrackingNumber.MAX_LENGTH) @Schema(example = "JD0001") String trackingNumber) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    @Schema(name = "CancelRequest")
    record Cancel(
            @NotBlank @Size(max = CancellationReason.MAX_LENGTH) @Schema(example = "customer changed their mind")
            @Strict String reason) {
    }

    @Serdeable
    @Schema(name = "OrderLine")
    record Line(String sku, int quantity, Money unitPrice, Money total) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Order", description = "An order as it is now; state-specific members appear in that state only")
    record Order(
            @Schema(requiredMode = REQUIRED, format = "uuid", example = "01968a4e-3c1b-7cde-8f00-0123456789ab") String id,
            @Schema(requiredMode = REQUIRED, allowableValues = {"PENDING", "CONFIRMED", "SHIPPED", "DELIVERED",
                    "CANCELLED"}) String status,
            @Schema(requiredMode = REQUIRED, description = "Counts the order's events; the ETag is this number in quotes")
            long version,
            String customerId,
            List<Line> lines,
            Address shippingAddress,
            Money total,
            String placedAt,
            String updatedAt,
            @Nullable String confirmedAt,
            @Nullable String shippedAt,
            @Nullable String deliveredAt,
            @Nullable String cancelledAt,
            @Nullable String carrier,
            @Nullable String trackingNumber,
            @Nullable String cancellationReason,
            @Nullable String cancelledFrom) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "OrderPage")
    record Page(List<Order> items,
                @Nullable @Schema(description = "Pass as `cursor` for the next page; null on the last page")
                String nextCursor) {
    }

    /**
     * An event as listed: its id and type name, then the event's own JSON of schema version 1, the same members
     * it has in the Kafka record's value.
     */
    @Serdeable
    @Schema(name = "OrderEvent", description = "Something that happened to an order: its id and type, then the "
            + "members of that type's JSON (schema version 1, as published on Kafka)",
            oneOf = {OrderPlacedV1.class, OrderConfirmedV1.class, OrderShippedV1.class, OrderDeliveredV1.class,
                    OrderCancelledV1.class})
    record Event(String eventId, EventType type, @JsonUnwrapped OrderEventV1 event) {
    }

    @Serdeable
    @Schema(name = "OrderHistory")
    record History(List<Event> items) {
    }
}
