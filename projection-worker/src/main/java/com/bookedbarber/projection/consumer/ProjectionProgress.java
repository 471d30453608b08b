package com.bookedbarber.projection.consumer;

import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Lag of the read models, exported as gauges: records not yet consumed (offset lag) and, while
 * any are, how old the newest applied event is (time lag; zero when caught up).
 */
public final class ProjectionProgress {
    private final Clock clock;
    private volatile long offsetLag;
    private volatile Instant lastOccurredAt;

    public ProjectionProgress(Clock clock, MetricRegistry metrics) {
        this.clock = clock;
        metrics.gauge("projection.lag.offsets", () -> () -> offsetLag);
        metrics.gauge("projection.lag.time-ms", () -> () -> timeLag().toMillis());
    }

    void applied(Instant newestOccurredAt) {
        if (newestOccurredAt != null) {
            lastOccurredAt = newestOccurredAt;
        }
    }

    void offsetLag(long lag) {
        offsetLag = lag;
    }

    public long offsetLag() {
        return offsetLag;
    }

    public Duration timeLag() {
        Instant last = lastOccurredAt;
        if (offsetLag == 0 || last == null) {
            return Duration.ZERO;
        }
        return Duration.between(last, clock.instant());
    }
}
