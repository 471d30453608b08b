package com.bookedbarber.command.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The {@code outbox:} section: how the relay drains the outbox and when the backlog is unhealthy. */
public class OutboxConfiguration {
    /** Rows published per round trip to Kafka. */
    @Min(1)
    @Max(10_000)
    @JsonProperty
    private int batchSize = 500;

    /**
     * Sleep between polls unless a full batch came back: how long a committed event waits for
     * the relay. An idle poll is one index probe of an empty partial index.
     */
    @NotNull
    @JsonProperty
    private Duration pollInterval = Duration.milliseconds(10);

    /** How often a standby instance tries to become the one publishing relay. */
    @NotNull
    @JsonProperty
    private Duration leaderRetryInterval = Duration.seconds(2);

    /** Bound on one batch's wait for broker acknowledgements. */
    @NotNull
    @JsonProperty
    private Duration publishTimeout = Duration.seconds(30);

    /** Published rows are kept this long (for audit and replays), then deleted. */
    @NotNull
    @JsonProperty
    private Duration retention = Duration.days(7);

    /** The backlog health check fails when the oldest unpublished event is older than this. */
    @NotNull
    @JsonProperty
    private Duration maxBacklogAge = Duration.seconds(60);

    public int getBatchSize() {
        return batchSize;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public Duration getLeaderRetryInterval() {
        return leaderRetryInterval;
    }

    public Duration getPublishTimeout() {
        return publishTimeout;
    }

    public void setLeaderRetryInterval(Duration leaderRetryInterval) {
        this.leaderRetryInterval = leaderRetryInterval;
    }

    public Duration getRetention() {
        return retention;
    }

    public Duration getMaxBacklogAge() {
        return maxBacklogAge;
    }
}
