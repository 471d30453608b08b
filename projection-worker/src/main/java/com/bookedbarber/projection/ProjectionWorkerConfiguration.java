package com.bookedbarber.projection;

import com.bookedbarber.platform.ServiceConfiguration;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** The projection worker: its consumer group, polling and the lag thresholds of its health check. */
public class ProjectionWorkerConfiguration extends ServiceConfiguration {
    /** Instances with the same group share the partitions. */
    @NotEmpty
    @JsonProperty
    private String consumerGroup = "bookedbarber-projection-worker";

    @NotNull
    @JsonProperty
    private Duration pollTimeout = Duration.milliseconds(200);

    /** Pause before a failed batch is read again (database unavailable). */
    @NotNull
    @JsonProperty
    private Duration retryBackoff = Duration.seconds(1);

    /** Health thresholds: the check fails beyond either. */
    @NotNull
    @JsonProperty
    private Duration maxTimeLag = Duration.seconds(30);

    @Min(0)
    @JsonProperty
    private long maxOffsetLag = 100_000;

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public Duration getPollTimeout() {
        return pollTimeout;
    }

    public Duration getRetryBackoff() {
        return retryBackoff;
    }

    public Duration getMaxTimeLag() {
        return maxTimeLag;
    }

    public long getMaxOffsetLag() {
        return maxOffsetLag;
    }
}
