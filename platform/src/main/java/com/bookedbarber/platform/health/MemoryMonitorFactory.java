package com.bookedbarber.platform.health;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/** The {@code memory:} section: how often to sample, how many samples to keep, what growth is too much. */
public class MemoryMonitorFactory {
    @NotNull
    @JsonProperty
    private Duration sampleEvery = Duration.seconds(30);

    /** 120 samples of 30 s: growth is judged over the last hour. */
    @Min(8)
    @Max(10_000)
    @JsonProperty
    private int windowSize = 120;

    @Min(1)
    @JsonProperty
    private double maxGrowthPercentPerHour = 10;

    public MemoryMonitor build(MetricRegistry metrics) {
        return new MemoryMonitor(metrics, sampleEvery.toJavaDuration(), windowSize, maxGrowthPercentPerHour,
                Clock.systemUTC());
    }
}
