package dev.orderflow.adapters.rest;

import dev.orderflow.application.OrderService;
import dev.orderflow.application.TimeOrderedIds;
import dev.orderflow.application.memory.InMemoryStorage;
import dev.orderflow.application.port.in.OrderFilter;
import dev.orderflow.application.port.in.OrderQueries;
import dev.orderflow.application.port.in.PageRequest;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.Optional;

/** The in-ports on in-memory storage, as the bootstrap supplies them on real storage. */
@Factory
@Requires(notEnv = StubCommands.ENVIRONMENT)
class TestStorage {

    @Singleton
    OrderService orders(InstantSource clock) {
        return new OrderService(InMemoryStorage.create(), clock, new TimeOrderedIds(clock));
    }

    /** Counts every stored order by paging through the listing. */
    static long count(OrderQueries queries) {
        long count = 0;
        var page = queries.list(OrderFilter.all(), PageRequest.first(PageRequest.MAX_LIMIT));
        while (true) {
            count += page.items().size();
            if (page.next().isEmpty()) {
                return count;
            }
            page = queries.list(OrderFilter.all(), new PageRequest(Optional.of(page.next().get()),
                    PageRequest.MAX_LIMIT));
        }
    }
}
