package com.bookedbarber.command.service;

import com.bookedbarber.command.core.Location;
import com.bookedbarber.command.core.ServiceOffering;
import com.bookedbarber.command.core.WorkingWindow;
import com.bookedbarber.command.db.LocationDao;
import com.bookedbarber.command.db.MemberDao;
import com.bookedbarber.command.db.ScheduleDao;
import com.bookedbarber.command.db.ServiceOfferingDao;
import com.bookedbarber.platform.cache.RereadInBackground;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;

/**
 * What every booking and availability request reads and what rarely changes: a location's
 * settings, services, barbers and weekly hours. Invalidated on change on this instance; other
 * instances converge within the TTL ({@link RereadInBackground}). Bounded in size.
 */
public final class CatalogCache {
    /** One location's catalogue, loaded together (one round trip set per miss). */
    public record Catalog(Location location, List<ServiceOffering> services, List<UUID> barbers,
                          List<WorkingWindow> windows) {
        public Optional<ServiceOffering> service(UUID id) {
            return services.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        public List<WorkingWindow> windowsOf(UUID barber) {
            return windows.stream().filter(w -> w.barberId().equals(barber)).toList();
        }
    }

    private final LoadingCache<UUID, Optional<Catalog>> byId;
    private final LoadingCache<String, Optional<UUID>> idBySlug;

    public CatalogCache(Jdbi primary, Duration ttl, long maxLocations, Executor rereads) {
        this.byId = RereadInBackground.builder(ttl, rereads, Ticker.systemTicker()).maximumSize(maxLocations)
                .recordStats()
                .build(id -> primary.withHandle(h -> h.attach(LocationDao.class).find(id).map(location -> new Catalog(
                        location,
                        h.attach(ServiceOfferingDao.class).list(id),
                        h.attach(MemberDao.class).barberIds(id),
                        h.attach(ScheduleDao.class).windows(id)))));
        this.idBySlug = RereadInBackground.builder(ttl, rereads, Ticker.systemTicker()).maximumSize(maxLocations)
                .build(slug -> primary.withExtension(LocationDao.class, dao -> dao.findBySlug(slug)).map(Location::id));
    }

    public Optional<Catalog> get(UUID locationId) {
        return byId.get(locationId);
    }

    /** The location's IANA zone (locations are never deleted, so an unknown id is a bug). */
    public java.time.ZoneId timezone(UUID locationId) {
        return get(locationId).orElseThrow(() -> new IllegalStateException("unknown location " + locationId))
                .location().timezone();
    }

    public Optional<Catalog> bySlug(String slug) {
        return idBySlug.get(slug).flatMap(this::get);
    }

    public void invalidate(UUID locationId) {
        byId.invalidate(locationId);
    }

    public double hitRate() {
        return byId.stats().hitRate();
    }
}
