package com.bookedbarber.projection.consumer;

import static org.awaitility.Awaitility.await;

import com.bookedbarber.platform.db.NotificationChannels;
import com.bookedbarber.platform.db.PostgresNotifications;
import io.dropwizard.db.DataSourceFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;

/** Hears the worker's projection-version announcements, as the command-service does. */
final class VersionAnnouncements implements AutoCloseable, PostgresNotifications.Subscriber {
    private final PostgresNotifications listener;
    private final Map<UUID, List<Long>> heard = new ConcurrentHashMap<>();

    VersionAnnouncements(String jdbcUrl) {
        DataSourceFactory database = new DataSourceFactory();
        database.setUrl(jdbcUrl);
        listener = PostgresNotifications.of(database, "test announcements", List.of(this), Duration.ofSeconds(5),
                Duration.ofMillis(100));
        listener.start();
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);
    }

    /** Every version announced for the location, in the order heard. */
    List<Long> of(UUID location) {
        return heard.getOrDefault(location, List.of());
    }

    @Override
    public String channel() {
        return NotificationChannels.PROJECTION_VERSIONS;
    }

    @Override
    public void connected(Handle handle) {
    }

    @Override
    public void received(String payload) {
        String[] parts = payload.split(" ");
        heard.computeIfAbsent(UUID.fromString(parts[0]), k -> new CopyOnWriteArrayList<>()).add(Long.parseLong(parts[1]));
    }

    @Override
    public void disconnected() {
    }

    @Override
    public void close() throws InterruptedException {
        listener.stop();
    }
}
