package com.bookedbarber.command.service;

import com.bookedbarber.command.core.BookingRules;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.core.Interval;
import com.bookedbarber.command.core.ServiceOffering;
import com.bookedbarber.command.db.ScheduleDao;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Free slots of a day: the catalogue from the cache, then one query set for that day's busy
 * time (appointments and time off, each one range query), then the pure slot calculation.
 */
public final class AvailabilityService {
    private final Jdbi primary;
    private final CatalogCache cache;
    private final Clock clock;

    public AvailabilityService(Jdbi primary, CatalogCache cache, Clock clock) {
        this.primary = primary;
        this.cache = cache;
        this.clock = clock;
    }

    public record Day(LocalDate date, String timezone, List<BookingRules.Slot> slots) {
    }

    public Day slots(CatalogCache.Catalog catalog, LocalDate date, UUID serviceId, UUID barberId) {
        ServiceOffering service = catalog.service(serviceId)
                .orElseThrow(() -> DomainException.invalid("unknown_service", "The location has no such service"));
        List<UUID> barbers = catalog.barbers();
        if (barberId != null) {
            if (!barbers.contains(barberId)) {
                throw DomainException.invalid("unknown_barber", "The location has no such barber");
            }
            barbers = List.of(barberId);
        }
        var zone = catalog.location().timezone();
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Interval> busy = primary.withExtension(ScheduleDao.class, dao -> {
            List<Interval> all = new ArrayList<>(dao.busy(catalog.location().id(), dayStart.atOffset(ZoneOffset.UTC),
                    dayEnd.plus(service.blockedDuration()).atOffset(ZoneOffset.UTC)));
            all.addAll(dao.timeOff(catalog.location().id(), dayStart.atOffset(ZoneOffset.UTC),
                    dayEnd.plus(service.blockedDuration()).atOffset(ZoneOffset.UTC)));
            return all;
        });
        var rules = new BookingRules(catalog.location(), clock.instant());
        return new Day(date, zone.getId(), rules.slots(date, service.blockedDuration(), barbers, catalog.windows(), busy));
    }

    public CatalogCache.Catalog byId(UUID locationId) {
        return cache.get(locationId).orElseThrow(() -> DomainException.notFound("Location"));
    }

    public CatalogCache.Catalog bySlug(String slug) {
        return cache.bySlug(slug).orElseThrow(() -> DomainException.notFound("Location"));
    }
}
