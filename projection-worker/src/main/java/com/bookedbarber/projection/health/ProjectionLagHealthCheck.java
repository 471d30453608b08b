package com.bookedbarber.projection.health;

import com.bookedbarber.projection.consumer.ProjectionConsumer;
import com.bookedbarber.projection.consumer.ProjectionProgress;
import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;

/** Unhealthy when the consume loop died or the read models trail beyond the configured limits. */
public final class ProjectionLagHealthCheck extends HealthCheck {
    private final ProjectionConsumer consumer;
    private final ProjectionProgress progress;
    private final Duration maxTimeLag;
    private final long maxOffsetLag;

    public ProjectionLagHealthCheck(ProjectionConsumer consumer, ProjectionProgress progress, Duration maxTimeLag,
                                    long maxOffsetLag) {
        this.consumer = consumer;
        this.progress = progress;
        this.maxTimeLag = maxTimeLag;
        this.maxOffsetLag = maxOffsetLag;
    }

    @Override
    protected Result check() {
        if (!consumer.isRunning()) {
            return Result.unhealthy("the consume loop is not running");
        }
        Duration timeLag = progress.timeLag();
        String detail = String.format("offset lag %d, time lag %d ms", progress.offsetLag(), timeLag.toMillis());
        boolean behind = timeLag.compareTo(maxTimeLag) > 0 || progress.offsetLag() > maxOffsetLag;
        return behind ? Result.unhealthy(detail) : Result.healthy(detail);
    }
}
