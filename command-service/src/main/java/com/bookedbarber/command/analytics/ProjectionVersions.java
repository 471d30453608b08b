package com.bookedbarber.command.analytics;

import com.bookedbarber.platform.db.NotificationChannels;
import com.bookedbarber.platform.db.PostgresNotifications;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current projection version of every location, kept in memory from the worker's
 * notifications, so a cached analytics answer can be served without asking the database whether
 * it is still current. Known only while notifications are heard: otherwise {@link #current} is
 * empty and callers read the version from the database as before.
 */
public final class ProjectionVersions implements PostgresNotifications.Subscriber {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionVersions.class);

    private final ConcurrentHashMap<UUID, Long> versions = new ConcurrentHashMap<>();
    private volatile boolean known;

    /** The location's version (0 before its first event), or empty while it cannot be known. */
    public OptionalLong current(UUID locationId) {
        if (!known) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(versions.getOrDefault(locationId, 0L));
    }

    /** A version read from the database: never moves the known one back. */
    public void seen(UUID locationId, long version) {
        if (known) {
            versions.merge(locationId, version, Math::max);
        }
    }

    @Override
    public String channel() {
        return NotificationChannels.PROJECTION_VERSIONS;
    }

    @Override
    public void connected(Handle handle) {
        connectedWith(handle.attach(ProjectionStateDao.class).all());
    }

    /** Starts from {@code snapshot}, read after LISTEN took effect. */
    void connectedWith(List<ProjectionStateDao.ProjectionState> snapshot) {
        versions.clear();
        snapshot.forEach(s -> versions.merge(s.locationId(), s.version(), Math::max));
        known = true;
    }

    @Override
    public void received(String payload) {
        int space = payload.indexOf(' ');
        try {
            versions.merge(UUID.fromString(payload.substring(0, Math.max(space, 0))),
                    Long.parseLong(payload.substring(space + 1)), Math::max);
        } catch (IllegalArgumentException e) {
            // not from the worker: nothing to learn from it, and nothing cached depends on it
            LOG.warn("ignored a malformed {} notification: {}", channel(), payload);
        }
    }

    @Override
    public void disconnected() {
        known = false;
    }
}
