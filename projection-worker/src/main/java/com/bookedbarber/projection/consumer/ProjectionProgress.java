package com.bookedbarber.projection.consumer;

import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Lag of the read models, per partition and overall, exported as gauges: records not yet consumed
 * (offset lag) and, while a partition has any, how old the newest event applied from it is (time
 * lag: now - occurred_at; zero when caught up). Gauges are named
 * {@code projection.lag.offsets.<topic>.<partition>} and {@code projection.lag.time-ms.<topic>.<partition>},
 * plus the totals {@code projection.lag.offsets} (sum) and {@code projection.lag.time-ms} (max).
 */
public final class ProjectionProgress {
    private final Clock clock;
    private final MetricRegistry metrics;
    private final Map<TopicPartition, Long> offsetLag = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Instant> lastOccurredAt = new ConcurrentHashMap<>();

    public ProjectionProgress(Clock clock, MetricRegistry metrics) {
        this.clock = clock;
        this.metrics = metrics;
        metrics.gauge("projection.lag.offsets", () -> this::offsetLag);
        metrics.gauge("projection.lag.time-ms", () -> () -> timeLag().toMillis());
    }

    void applied(Map<TopicPartition, Instant> newestByPartition) {
        newestByPartition.forEach((tp, at) -> lastOccurredAt.merge(tp, at, (a, b) -> a.isAfter(b) ? a : b));
    }

    void offsetLag(TopicPartition partition, long lag) {
        if (offsetLag.put(partition, lag) == null) {
            String suffix = partition.topic() + "." + partition.partition();
            metrics.gauge("projection.lag.offsets." + suffix, () -> () -> offsetLag.getOrDefault(partition, 0L));
            metrics.gauge("projection.lag.time-ms." + suffix, () -> () -> timeLag(partition).toMillis());
        }
    }

    /** Partitions this instance no longer owns: another worker reports their lag now. */
    void forget(java.util.Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> {
            offsetLag.remove(tp);
            lastOccurredAt.remove(tp);
        });
    }

    public long offsetLag() {
        return offsetLag.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The largest time lag of any partition. */
    public Duration timeLag() {
        return offsetLag.keySet().stream().map(this::timeLag).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public Duration timeLag(TopicPartition partition) {
        Instant last = lastOccurredAt.get(partition);
        if (offsetLag.getOrDefault(partition, 0L) == 0 || last == null) {
            return Duration.ZERO;
        }
        return Duration.between(last, clock.instant());
    }
}
