package dev.bookshop.bootstrap.metrics;

import dev.bookshop.application.mail.port.out.Mailer;
import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.application.payment.port.out.PaymentGateway;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's meters, served at {@code /metrics}: the JVM (memory, GC, threads, classes), CPU and uptime bound at
 * start, and the shop's own meters added by the composition root around its ports — orders by status, payment calls
 * and mails by outcome. The application core stays free of Micrometer: everything here wraps or reads its ports.
 */
public final class ShopMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;

    private ShopMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
    }

    public static ShopMetrics start() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return new ShopMetrics(registry, gc);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The gateway, counting its calls as {@code bookshop_payments_total{provider, operation, outcome}}. */
    public PaymentGateway counted(PaymentGateway payments) {
        return new CountedPaymentGateway(payments, registry);
    }

    /** The mailer, counting its sends as {@code bookshop_emails_total{outcome="sent"|"failed"}}. */
    public Mailer counted(Mailer mailer) {
        return new CountedMailer(mailer, registry);
    }

    /** {@code bookshop_orders{status}}: how many orders stand in each status now. */
    public void gaugeOrdersByStatus(OrderRepository orders) {
        OrderStatusGauges.register(registry, orders);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
