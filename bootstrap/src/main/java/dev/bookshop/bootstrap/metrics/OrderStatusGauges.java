package dev.bookshop.bootstrap.metrics;

import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.domain.order.OrderStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bookshop_orders{status}}: one gauge per order status, read from the store when scraped. One scrape reads
 * every status, so the counts are fetched once and shared for a moment rather than queried once per gauge.
 */
final class OrderStatusGauges {

    static final String NAME = "bookshop.orders";
    private static final Logger LOG = LoggerFactory.getLogger(OrderStatusGauges.class);
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final OrderRepository orders;
    private Map<OrderStatus, Long> counts = Map.of();
    private long readAt;
    private boolean read;

    private OrderStatusGauges(OrderRepository orders) {
        this.orders = Objects.requireNonNull(orders);
    }

    static void register(MeterRegistry registry, OrderRepository orders) {
        OrderStatusGauges gauges = new OrderStatusGauges(orders);
        for (OrderStatus status : OrderStatus.values()) {
            Gauge.builder(NAME, gauges, g -> g.count(status))
                    .description("Orders by status")
                    .tag("status", status.name())
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** The count of one status; NaN while the store cannot be read, so a dashboard shows a gap rather than a zero. */
    private synchronized double count(OrderStatus status) {
        long now = System.nanoTime();
        if (!read || now - readAt > FRESH_NANOS) {
            read = true;
            readAt = now;
            try {
                counts = orders.countByStatus();
            } catch (RuntimeException e) {
                LOG.warn("Could not count orders by status for the metrics: {}", e.toString());
                counts = null;
            }
        }
        return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
    }
}
