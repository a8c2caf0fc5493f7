package dev.orderflow.bootstrap;

import dev.orderflow.application.PaymentDeadline;
import dev.orderflow.application.port.in.OrderCommands;
import dev.orderflow.application.port.out.OrderStorage;
import dev.orderflow.application.port.out.Transactions.StorageUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link PaymentDeadline} every {@code orderflow.payment-deadline.check-interval} on every instance
 * (their claims keep them apart) and counts what it cancels. A deadline of zero turns it off. While the database
 * is unavailable a run logs one WARN line without a stack trace and the next run tries again: an outage is not a
 * bug.
 */
@Context
final class PaymentDeadlineJob {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentDeadlineJob.class);

    private final Optional<PaymentDeadline> deadline;
    private final Counter cancelled;

    PaymentDeadlineJob(OrderStorage storage, OrderCommands commands, InstantSource clock, MeterRegistry registry,
                       ConversionService conversions,
                       @Value("${orderflow.payment-deadline.after}") String deadlineSetting,
                       @Value("${orderflow.payment-deadline.batch-size}") int batchSize) {
        var after = parse(conversions, deadlineSetting);
        this.deadline = after.isZero() ? Optional.empty() : Optional.of(new PaymentDeadline(storage.orders(),
                storage.transactions(), commands, clock, new PaymentDeadline.Settings(after, batchSize)));
        this.cancelled = Counter.builder("orderflow.orders.payment.deadline.cancellations")
                .description("Pending orders cancelled because their payment did not arrive in time")
                .register(registry);
        if (deadline.isEmpty()) {
            LOG.info("payment deadline off (ORDERFLOW_PAYMENT_DEADLINE=0): pending orders wait for payment forever");
        }
    }

    /** Reads the deadline: {@code 0} for off, otherwise a duration such as {@code 30m} or {@code PT30M}. */
    static Duration parse(ConversionService conversions, String setting) {
        if (setting.strip().equals("0")) {
            return Duration.ZERO;
        }
        return conversions.convert(setting.strip(), Duration.class)
                .filter(duration -> !duration.isNegative())
                .orElseThrow(() -> new ConfigurationException("ORDERFLOW_PAYMENT_DEADLINE must be 0 (off) or a "
                        + "positive duration such as 30m, 2h or PT45M; got '" + setting + "'"));
    }

    @Scheduled(initialDelay = "${orderflow.payment-deadline.check-interval}",
            fixedDelay = "${orderflow.payment-deadline.check-interval}")
    void run() {
        deadline.ifPresent(d -> {
            int count;
            try {
                count = d.cancelOverdue();
            } catch (StorageUnavailableException e) {
                LOG.warn("payment deadline: database unavailable, overdue orders wait for the next run: {}",
                        e.getMessage());
                return;
            }
            cancelled.increment(count);
            if (count > 0) {
                LOG.info("payment deadline: cancelled {} pending orders whose payment did not arrive in time", count);
            }
        });
    }
}
