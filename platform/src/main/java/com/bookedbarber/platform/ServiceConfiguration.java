package com.bookedbarber.platform;

import com.bookedbarber.platform.db.DatabaseConfiguration;
import com.bookedbarber.platform.health.MemoryMonitorFactory;
import com.bookedbarber.platform.kafka.KafkaFactory;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** What both services configure alike: the primary database, Kafka and the memory monitor. */
public abstract class ServiceConfiguration extends Configuration implements DatabaseConfiguration {
    @Valid
    @NotNull
    @JsonProperty
    private MemoryMonitorFactory memory = new MemoryMonitorFactory();

    /** The primary database: commands write here, and the worker keeps the projections here. */
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

    public MemoryMonitorFactory getMemory() {
        return memory;
    }

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
}
