package com.bookedbarber.command.service;

import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.core.Ids;
import com.bookedbarber.command.core.Interval;
import com.bookedbarber.command.core.Location;
import com.bookedbarber.command.core.ServiceOffering;
import com.bookedbarber.command.core.StartTimes;
import com.bookedbarber.command.core.WorkingWindow;
import com.bookedbarber.command.db.LocationDao;
import com.bookedbarber.command.db.MemberDao;
import com.bookedbarber.command.db.ScheduleDao;
import com.bookedbarber.command.db.ServiceOfferingDao;
import com.bookedbarber.command.db.UserDao;
import com.bookedbarber.platform.db.SqlStates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Shops and what they offer: locations, members, services, barber hours, time off. */
public final class CatalogService {
    private static final Set<String> MANAGERS = Set.of("owner", "manager");

    private final Jdbi primary;
    private final CatalogCache cache;

    public CatalogService(Jdbi primary, CatalogCache cache) {
        this.primary = primary;
        this.cache = cache;
    }

    /** Creates a location; its creator becomes its owner. */
    public Location createLocation(Location location, UUID creator) {
        try {
            primary.useTransaction(h -> {
                h.attach(LocationDao.class).insert(location);
                h.attach(MemberDao.class).upsert(location.id(), creator, "owner", BigDecimal.ZERO);
            });
        } catch (JdbiException e) {
            if (SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e))) {
                throw DomainException.conflict("slug_taken", "Another location uses this slug");
            }
            throw e;
        }
        return location;
    }

    /** A location's public profile: any signed-in user may read it. */
    public CatalogCache.Catalog catalog(UUID locationId) {
        return cache.get(locationId).orElseThrow(() -> DomainException.notFound("Location"));
    }

    public UUID addMember(UUID locationId, UUID caller, String email, String role, BigDecimal commissionRate) {
        return primary.inTransaction(h -> {
            requireRole(h, locationId, caller, MANAGERS);
            if ("owner".equals(role) && !"owner".equals(h.attach(MemberDao.class).role(locationId, caller).orElse(""))) {
                throw DomainException.forbidden("forbidden", "Only an owner can add an owner");
            }
            UUID userId = h.attach(UserDao.class).findByEmail(email.trim())
                    .orElseThrow(() -> DomainException.invalid("unknown_user", "No account has this e-mail"))
                    .id();
            h.attach(MemberDao.class).upsert(locationId, userId, role,
                    commissionRate == null ? new BigDecimal("0.20") : commissionRate);
            cache.invalidate(locationId);
            return userId;
        });
    }

    public ServiceOffering addService(UUID locationId, UUID caller, String name, int duration, long price, int buffer) {
        ServiceOffering service = new ServiceOffering(Ids.newId(), locationId, name.trim(), duration, price, buffer);
        primary.useTransaction(h -> {
            requireRole(h, locationId, caller, MANAGERS);
            h.attach(ServiceOfferingDao.class).insert(service.id(), locationId, service.name(), duration, price, buffer);
        });
        cache.invalidate(locationId);
        return service;
    }

    /** Replaces a barber's weekly hours. Owners and managers, or the barber themself. */
    public List<WorkingWindow> setHours(UUID locationId, UUID barberId, UUID caller, List<WorkingWindow> windows) {
        List<WorkingWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(WorkingWindow::dayOfWeek).thenComparing(WorkingWindow::start));
        for (int i = 0; i < sorted.size(); i++) {
            WorkingWindow w = sorted.get(i);
            if (!w.start().isBefore(w.end())) {
                throw DomainException.invalidField("[" + i + "]", "start must be before end");
            }
            if (i > 0 && sorted.get(i - 1).dayOfWeek() == w.dayOfWeek() && sorted.get(i - 1).end().isAfter(w.start())) {
                throw DomainException.invalidField("[" + i + "]", "windows of one day must not overlap");
            }
        }
        primary.useTransaction(h -> {
            requireManagerOrSelf(h, locationId, barberId, caller);
            ScheduleDao dao = h.attach(ScheduleDao.class);
            dao.deleteHours(locationId, barberId);
            if (!sorted.isEmpty()) {
                dao.insertHours(locationId, barberId, sorted.stream().map(WorkingWindow::dayOfWeek).toList(),
                        sorted.stream().map(WorkingWindow::start).toList(), sorted.stream().map(WorkingWindow::end).toList());
            }
        });
        cache.invalidate(locationId);
        return sorted;
    }

    public Interval addTimeOff(UUID id, UUID locationId, UUID barberId, UUID caller, String start, String end,
                               String reason) {
        Instant from = StartTimes.parse("start", start);
        Instant to = StartTimes.parse("end", end);
        if (!from.isBefore(to)) {
            throw DomainException.invalidField("end", "must be after start");
        }
        primary.useTransaction(h -> {
            requireManagerOrSelf(h, locationId, barberId, caller);
            h.attach(ScheduleDao.class).insertTimeOff(id, locationId, barberId, from.atOffset(ZoneOffset.UTC),
                    to.atOffset(ZoneOffset.UTC), reason);
        });
        return new Interval(barberId, from, to);
    }

    private static void requireManagerOrSelf(Handle h, UUID locationId, UUID barberId, UUID caller) {
        MemberDao members = h.attach(MemberDao.class);
        String callerRole = members.role(locationId, caller).orElseThrow(() -> DomainException.notFound("Location"));
        if (!"barber".equals(members.role(locationId, barberId).orElse(""))) {
            throw DomainException.notFound("Barber");
        }
        if (!MANAGERS.contains(callerRole) && !barberId.equals(caller)) {
            throw DomainException.forbidden("forbidden", "Only owners, managers or the barber themself");
        }
    }

    private static String requireRole(Handle h, UUID locationId, UUID caller, Set<String> roles) {
        String role = h.attach(MemberDao.class).role(locationId, caller)
                .orElseThrow(() -> DomainException.notFound("Location"));
        if (!roles.contains(role)) {
            throw DomainException.forbidden("forbidden", "Only the location's owners and managers may do this");
        }
        return role;
    }
}
