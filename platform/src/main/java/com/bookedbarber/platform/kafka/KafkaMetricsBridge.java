package com.bookedbarber.platform.kafka;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Puts a Kafka client's own client-level metrics (send rates, errors, request latency, fetch lag,
 * rebalances) into the Dropwizard registry as gauges {@code <prefix>.<metric>}, so they reach the
 * admin port and Graphite with the rest. Per-node and per-topic metrics are left out: their
 * number grows with the cluster, and the client-level ones summarise them.
 */
public final class KafkaMetricsBridge {
    private static final Set<String> CLIENT_LEVEL_GROUPS = Set.of("producer-metrics", "consumer-metrics",
            "consumer-fetch-manager-metrics", "consumer-coordinator-metrics");

    private KafkaMetricsBridge() {
    }

    /** Registers (or re-registers, for a new client instance) a gauge per client-level metric. */
    public static void register(MetricRegistry registry, String prefix, Map<MetricName, ? extends Metric> metrics) {
        metrics.forEach((name, metric) -> {
            if (!CLIENT_LEVEL_GROUPS.contains(name.group()) || name.tags().size() > 1) {
                return;
            }
            String key = prefix + "." + name.name();
            registry.remove(key);
            registry.register(key, (Gauge<Double>) () -> {
                Object value = metric.metricValue();
                return value instanceof Number n ? n.doubleValue() : 0.0;
            });
        });
    }
}
