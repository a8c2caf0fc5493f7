package dev.orderflow.application.port.in;

import dev.orderflow.domain.CancellationReason;
import dev.orderflow.domain.Carrier;
import dev.orderflow.domain.OrderId;
import dev.orderflow.domain.TrackingNumber;
import java.util.Objects;

/**
 * Something a neighbouring system reports about an order — the payment provider or the shipping service —
 * that moves the order along its lifecycle.
 */
public sealed interface UpstreamEvent {

    /** The order the event is about. */
    OrderId orderId();

    /** The order was paid: it is confirmed. */
    record PaymentSucceeded(OrderId orderId) implements UpstreamEvent {
        /** Refuses a missing id. */
        public PaymentSucceeded {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** The payment failed: the order is cancelled with the reason given. */
    record PaymentFailed(OrderId orderId, CancellationReason reason) implements UpstreamEvent {
        /** Refuses missing parts. */
        public PaymentFailed {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The parcel left with a carrier: the order is shipped. */
    record ParcelShipped(OrderId orderId, Carrier carrier, TrackingNumber trackingNumber) implements UpstreamEvent {
        /** Refuses missing parts. */
        public ParcelShipped {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
        }
    }

    /** The parcel arrived: the order is delivered. */
    record ParcelDelivered(OrderId orderId) implements UpstreamEvent {
        /** Refuses a missing id. */
        public ParcelDelivered {
            Objects.requireNonNull(orderId, "orderId");
        }
    }
}
