package com.bookedbarber.platform.db;

import io.dropwizard.db.DataSourceFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PostgreSQL settings that every pooled connection starts with. They travel in the startup
 * packet's {@code options} parameter, so they cost no statement and no round trip per
 * transaction (a {@code SET LOCAL} per transaction did both), and no code path can forget them.
 */
public final class ConnectionSettings {
    private ConnectionSettings() {
    }

    /** Adds {@code -c name=value} for each setting to the pool's driver properties, keeping any options there. */
    public static void apply(DataSourceFactory database, Map<String, String> settings) {
        Map<String, String> properties = new LinkedHashMap<>(database.getProperties());
        String added = settings.entrySet().stream()
                .map(e -> "-c " + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        String existing = properties.get("options");
        properties.put("options", existing == null || existing.isBlank() ? added : existing + " " + added);
        database.setProperties(properties);
    }

    /** Lock waits longer than this fail with SQLSTATE 55P03 instead of queueing requests. */
    public static void boundLockWaits(DataSourceFactory database, java.time.Duration lockTimeout) {
        apply(database, Map.of("lock_timeout", lockTimeout.toMillis() + "ms"));
    }

    /** Transactions are read-only unless they say otherwise: a read data source cannot write by mistake. */
    public static void readOnly(DataSourceFactory database) {
        apply(database, Map.of("default_transaction_read_only", "on"));
    }
}
