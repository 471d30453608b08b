package com.bookedbarber.projection.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ProjectionProgressTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final TopicPartition P0 = new TopicPartition("bookedbarber.payments.v1", 0);
    static final TopicPartition P1 = new TopicPartition("bookedbarber.payments.v1", 1);

    @Test
    void reportsOffsetAndTimeLagPerPartitionAndTheirTotals() {
        MetricRegistry metrics = new MetricRegistry();
        ProjectionProgress progress = new ProjectionProgress(Clock.fixed(NOW, ZoneOffset.UTC), metrics);
        progress.offsetLag(P0, 7);
        progress.offsetLag(P1, 0);
        progress.applied(Map.of(P0, NOW.minusSeconds(3), P1, NOW.minusSeconds(60)));

        assertThat(gauge(metrics, "projection.lag.offsets.bookedbarber.payments.v1.0")).isEqualTo(7L);
        assertThat(gauge(metrics, "projection.lag.time-ms.bookedbarber.payments.v1.0")).isEqualTo(3000L);
        // caught up: no time lag, however old its last event
        assertThat(gauge(metrics, "projection.lag.time-ms.bookedbarber.payments.v1.1")).isEqualTo(0L);
        assertThat(gauge(metrics, "projection.lag.offsets")).isEqualTo(7L);
        assertThat(gauge(metrics, "projection.lag.time-ms")).isEqualTo(3000L);

        progress.forget(List.of(P0));
        assertThat(gauge(metrics, "projection.lag.offsets")).isEqualTo(0L);
        assertThat(gauge(metrics, "projection.lag.offsets.bookedbarber.payments.v1.0")).isEqualTo(0L);
    }

    private static Object gauge(MetricRegistry metrics, String name) {
        Gauge<?> gauge = metrics.getGauges().get(name);
        assertThat(gauge).as(name).isNotNull();
        return gauge.getValue();
    }
}
