package dev.orderflow.application.memory;

import dev.orderflow.application.port.out.EventPublisher;
import dev.orderflow.domain.OrderEvent;
import dev.orderflow.domain.OrderId;
import dev.orderflow.testkit.contract.EventPublisherContract;
import java.util.List;
import java.util.Set;

class InMemoryEventPublisherTest extends EventPublisherContract {

    private final InMemoryEventPublisher publisher = new InMemoryEventPublisher();

    @Override
    protected EventPublisher publisher() {
        return publisher;
    }

    @Override
    protected List<OrderEvent> received(Set<OrderId> orders, int expected) {
        return publisher.events().stream().filter(event -> orders.contains(event.orderId())).toList();
    }
}
