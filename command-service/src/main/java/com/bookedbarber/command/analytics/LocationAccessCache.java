package com.bookedbarber.command.analytics;

import com.bookedbarber.command.analytics.AnalyticsAccessDao.LocationAccess;
import com.bookedbarber.platform.db.NotificationChannels;
import com.bookedbarber.platform.db.PostgresNotifications;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;

/**
 * Callers' access to locations' analytics, cached only while the {@code location_access}
 * notifications are heard: a trigger on the primary announces every change of a location's
 * members or settings, and the cache drops that location at once. While the notifications are not
 * heard, every request reads the database. A load that raced with a change is not kept: every
 * change moves a generation counter, and a load that saw it move throws its answer away.
 */
public final class LocationAccessCache implements PostgresNotifications.Subscriber {
    private record Key(UUID locationId, UUID userId) {
    }

    private final BiFunction<UUID, UUID, Optional<LocationAccess>> load;
    private final Cache<Key, LocationAccess> cache;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean heard;

    /** {@code load} reads the primary: (location, caller) to the caller's access, empty if none. */
    public LocationAccessCache(BiFunction<UUID, UUID, Optional<LocationAccess>> load, long maxEntries,
                               Duration ttl) {
        this.load = load;
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
    }

    public Optional<LocationAccess> access(UUID locationId, UUID userId) {
        Key key = new Key(locationId, userId);
        if (heard) {
            LocationAccess cached = cache.getIfPresent(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        long before = generation.get();
        Optional<LocationAccess> loaded = load.apply(locationId, userId);
        if (loaded.isPresent() && heard) {
            cache.put(key, loaded.get());
            // put first, check second: a change announced after the check drops the entry itself
            if (generation.get() != before) {
                cache.invalidate(key);
            }
        }
        return loaded;
    }

    @Override
    public String channel() {
        return NotificationChannels.LOCATION_ACCESS;
    }

    @Override
    public void connected(Handle handle) {
        generation.incrementAndGet();
        cache.invalidateAll();
        heard = true;
    }

    @Override
    public void received(String payload) {
        generation.incrementAndGet();
        try {
            UUID locationId = UUID.fromString(payload);
            cache.asMap().keySet().removeIf(k -> k.locationId().equals(locationId));
        } catch (IllegalArgumentException e) {
            cache.invalidateAll();
        }
    }

    @Override
    public void disconnected() {
        heard = false;
        generation.incrementAndGet();
        cache.invalidateAll();
    }
}
