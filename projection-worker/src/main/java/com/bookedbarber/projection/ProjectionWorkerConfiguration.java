package com.bookedbarber.projection;

import com.bookedbarber.platform.health.MemoryMonitorFactory;

import com.bookedbarber.platform.db.DatabaseConfiguration;
import com.bookedbarber.platform.kafka.KafkaFactory;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

public class ProjectionWorkerConfiguration extends Configuration implements DatabaseConfiguration {
    @Valid
    @NotNull
    @JsonProperty
    private MemoryMonitorFactory memory = new MemoryMonitorFactory();

    public MemoryMonitorFactory getMemory() {
        return memory;
    }

    /** The database that holds the projection tables (the primary, whose replicas serve reads). */
    @Valid
    @NotNull
    @JsonProperty
    private DataSourceFactory database = new DataSourceFactory();

    @JsonProperty
    private boolean migrateOnStart;

    @Valid
    @NotNull
    @JsonProperty
    private KafkaFactory kafka = new KafkaFactory();

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

    @Override
    public DataSourceFactory getDatabase() {
        return database;
    }

    @Override
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    public KafkaFactory getKafka() {
        return kafka;
    }

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
