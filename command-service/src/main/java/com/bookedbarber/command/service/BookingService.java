package com.bookedbarber.command.service;

import com.bookedbarber.api.events.EventType;
import com.bookedbarber.command.core.Appointment;
import com.bookedbarber.command.core.AppointmentStatus;
import com.bookedbarber.command.core.BookedAppointment;
import com.bookedbarber.command.core.BookingRules;
import com.bookedbarber.command.core.ConfirmationCodes;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.core.EventFactory;
import com.bookedbarber.command.core.Ids;
import com.bookedbarber.command.core.Interval;
import com.bookedbarber.command.core.Location;
import com.bookedbarber.command.core.NewBooking;
import com.bookedbarber.command.core.OutboxEvent;
import com.bookedbarber.command.core.ServiceOffering;
import com.bookedbarber.command.db.AppointmentDao;
import com.bookedbarber.command.db.BookingDao;
import com.bookedbarber.command.db.MemberDao;
import com.bookedbarber.command.db.OutboxDao;
import com.bookedbarber.command.db.ScheduleDao;
import com.bookedbarber.platform.db.SqlStates;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Books and changes appointments. Each command is one transaction that writes the appointment
 * and its event to the outbox together. Overlaps are decided by the database's exclusion
 * constraint, never by a check-then-insert; every transaction bounds its lock waits.
 */
public final class BookingService {
    /** A guest's contact details, kept on the appointment and never put into events. */
    public record Guest(String name, String email, String phone) {
    }

    /**
     * Draws of a new confirmation code when the previous one was taken. A draw collides with one
     * of n existing codes with probability n / 36^8 (one in 2.8 million at a million appointments),
     * so a second draw is already rare and a sixth unheard of. Should it happen, the booking is
     * answered 503 with Retry-After and nothing is written.
     */
    private static final int CODE_DRAWS = 5;

    private final Jdbi primary;
    private final BookingDao bookings;
    private final CatalogCache catalog;
    private final Clock clock;
    private final Supplier<String> confirmationCodes;

    public BookingService(Jdbi primary, BookingDao bookings, CatalogCache catalog, Clock clock) {
        this(primary, bookings, catalog, clock, ConfirmationCodes::next);
    }

    /** With the source of confirmation codes given (tests make two bookings draw the same code). */
    public BookingService(Jdbi primary, BookingDao bookings, CatalogCache catalog, Clock clock,
                          Supplier<String> confirmationCodes) {
        this.primary = primary;
        this.bookings = bookings;
        this.catalog = catalog;
        this.clock = clock;
        this.confirmationCodes = confirmationCodes;
    }

    public BookedAppointment book(NewBooking booking) {
        CatalogCache.Catalog shop = catalog.get(booking.locationId())
                .orElseThrow(() -> DomainException.invalid("unknown_location", "No such location"));
        return book(shop, booking, null);
    }

    public BookedAppointment bookAsGuest(String slug, NewBooking booking, Guest guest) {
        CatalogCache.Catalog shop = catalog.bySlug(slug).orElseThrow(() -> DomainException.notFound("Location"));
        return book(shop, new NewBooking(shop.location().id(), booking.serviceId(), booking.start(), booking.barberId(),
                null, booking.notes()), guest);
    }

    private BookedAppointment book(CatalogCache.Catalog shop, NewBooking booking, Guest guest) {
        Location location = shop.location();
        ServiceOffering service = shop.service(booking.serviceId())
                .orElseThrow(() -> DomainException.invalid("unknown_service", "The location has no such service"));
        List<UUID> barbers = candidateBarbers(shop, booking.barberId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BookingRules rules = new BookingRules(location, now);
        Instant start = booking.start();
        DomainException firstViolation = null;
        boolean anyTaken = false;
        for (UUID barber : barbers) {
            // hours, lead time and advance are checked here from the cache; time off and the
            // chair itself by the booking statement
            Optional<DomainException> violation = rules.violation(start, service.blockedDuration(),
                    shop.windowsOf(barber), List.of());
            if (violation.isEmpty()) {
                Attempted attempted = bookChair(location, service, barber, booking, now, guest);
                switch (attempted.outcome()) {
                    case BOOKED -> {
                        return new BookedAppointment(attempted.appointment(), location.timezone());
                    }
                    case TIME_OFF -> violation = Optional.of(BookingRules.timeOff());
                    case TAKEN -> anyTaken = true;
                    default -> throw new IllegalStateException("unexpected booking outcome " + attempted.outcome());
                }
            }
            if (violation.isPresent() && firstViolation == null) {
                firstViolation = violation.get();
            }
        }
        if (!anyTaken && firstViolation != null) {
            throw firstViolation;
        }
        throw DomainException.conflict("slot_unavailable", "The requested time is not available");
    }

    /** A booking statement's outcome with the appointment it tried to book. */
    private record Attempted(BookingDao.BookingAttempt outcome, Appointment appointment) {
    }

    /** Books the barber's chair, drawing a new confirmation code while the one drawn is taken. */
    private Attempted bookChair(Location location, ServiceOffering service, UUID barber, NewBooking booking,
                                Instant now, Guest guest) {
        Instant start = booking.start();
        for (int draw = 0; draw < CODE_DRAWS; draw++) {
            Appointment appointment = new Appointment(Ids.newId(), location.id(), barber, service.id(),
                    booking.clientId(), start, start.plus(service.duration()), start.plus(service.blockedDuration()),
                    AppointmentStatus.CONFIRMED, service.priceCents(), location.currency(), booking.notes(),
                    confirmationCodes.get(), 1, now, now);
            BookingDao.BookingAttempt outcome = attempt(appointment, guest,
                    EventFactory.appointment(EventType.AppointmentBooked, appointment, location.timezone(), null, now));
            if (outcome != BookingDao.BookingAttempt.CODE_TAKEN) {
                return new Attempted(outcome, appointment);
            }
        }
        // nothing was written; a retry draws afresh (503, never a 500: no input can cause this)
        throw DomainException.unavailable("confirmation_code_unavailable",
                "No free confirmation code could be drawn; retry shortly");
    }

    /** One booking statement in its own (auto-commit) transaction. */
    private BookingDao.BookingAttempt attempt(Appointment appointment, Guest guest, OutboxEvent booked) {
        return bookings.book(appointment, guest == null ? null : guest.name(), guest == null ? null : guest.email(),
                guest == null ? null : guest.phone(), booked);
    }

    public BookedAppointment get(UUID id, UUID callerId) {
        Appointment appointment = primary.withExtension(AppointmentDao.class, dao -> dao.findVisible(id, callerId))
                .orElseThrow(() -> DomainException.notFound("Appointment"));
        return withZone(appointment);
    }

    /** One page: a location's appointments for its staff, or the caller's own without a location. */
    public List<BookedAppointment> list(UUID callerId, UUID locationId, UUID barberId, String status, Instant from,
                                        Instant to, Instant afterStart, UUID afterId, int limit) {
        UUID clientFilter = null;
        if (locationId == null) {
            clientFilter = callerId;
        } else if (primary.withExtension(MemberDao.class, dao -> dao.role(locationId, callerId)).isEmpty()) {
            throw DomainException.notFound("Location");
        }
        UUID client = clientFilter;
        return primary.withExtension(AppointmentDao.class, dao -> dao.page(locationId, client, barberId, status,
                        from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC),
                        afterStart == null ? null : afterStart.atOffset(ZoneOffset.UTC), afterId, limit))
                .stream().map(this::withZone).toList();
    }

    public BookedAppointment reschedule(UUID id, UUID callerId, Instant start, UUID newBarber, Integer ifMatch) {
        return change(id, callerId, ifMatch, false, AppointmentStatus.CONFIRMED, EventType.AppointmentRescheduled,
                (h, shop, current, now) -> {
                    UUID barber = newBarber == null ? current.barberId() : newBarber;
                    if (!shop.barbers().contains(barber)) {
                        throw DomainException.invalid("unknown_barber", "The location has no such barber");
                    }
                    ServiceOffering service = shop.service(current.serviceId())
                            .orElseThrow(() -> DomainException.invalid("unknown_service", "The service no longer exists"));
                    List<Interval> timeOff = timeOff(h, shop.location().id(), start, start.plus(service.blockedDuration()))
                            .stream().filter(t -> t.barberId().equals(barber)).toList();
                    new BookingRules(shop.location(), now).violation(start, service.blockedDuration(),
                            shop.windowsOf(barber), timeOff).ifPresent(v -> {
                                throw v;
                            });
                    return next(current, barber, start, start.plus(service.duration()),
                            start.plus(service.blockedDuration()), AppointmentStatus.CONFIRMED, now);
                });
    }

    /** Work that must commit with a state change (the cancellation refund's reservation). */
    @FunctionalInterface
    public interface WithChange {
        void run(Handle h, Appointment before, Appointment after, Location location, Instant now);
    }

    public BookedAppointment cancel(UUID id, UUID callerId, Integer ifMatch, WithChange withCancel) {
        return change(id, callerId, ifMatch, false, AppointmentStatus.CANCELLED, EventType.AppointmentCancelled,
                (h, shop, current, now) -> next(current, current.barberId(), current.start(), current.end(),
                        current.blockedUntil(), AppointmentStatus.CANCELLED, now), withCancel);
    }

    public BookedAppointment complete(UUID id, UUID callerId, Integer ifMatch) {
        return transition(id, callerId, ifMatch, true, AppointmentStatus.COMPLETED, EventType.AppointmentCompleted);
    }

    public BookedAppointment noShow(UUID id, UUID callerId, Integer ifMatch) {
        return transition(id, callerId, ifMatch, true, AppointmentStatus.NO_SHOW, EventType.AppointmentNoShow);
    }

    private BookedAppointment transition(UUID id, UUID callerId, Integer ifMatch, boolean staffOnly,
                                         AppointmentStatus target, EventType event) {
        return change(id, callerId, ifMatch, staffOnly, target, event, (h, shop, current, now) -> next(current,
                current.barberId(), current.start(), current.end(), current.blockedUntil(), target, now));
    }

    @FunctionalInterface
    private interface Change {
        Appointment apply(Handle h, CatalogCache.Catalog shop, Appointment current, Instant now);
    }

    /**
     * The shape of every state change: lock the row, check who may, check the version the
     * client saw (If-Match) and the state machine, write the new version and its event.
     */
    private BookedAppointment change(UUID id, UUID callerId, Integer ifMatch, boolean staffOnly,
                                     AppointmentStatus target, EventType event, Change change) {
        return change(id, callerId, ifMatch, staffOnly, target, event, change, null);
    }

    private BookedAppointment change(UUID id, UUID callerId, Integer ifMatch, boolean staffOnly,
                                     AppointmentStatus target, EventType event, Change change, WithChange with) {
        return inTransaction(h -> {
            Appointment current = h.attach(AppointmentDao.class).lock(id)
                    .orElseThrow(() -> DomainException.notFound("Appointment"));
            boolean staff = h.attach(MemberDao.class).role(current.locationId(), callerId).isPresent();
            if (!staff && !callerId.equals(current.clientId())) {
                throw DomainException.notFound("Appointment");
            }
            if (staffOnly && !staff) {
                throw DomainException.forbidden("forbidden", "Only the location's staff may do this");
            }
            if (ifMatch != null && ifMatch != current.version()) {
                throw DomainException.conflict("stale_version",
                        "The appointment changed (version " + current.version() + "); reload and retry");
            }
            boolean allowed = target == AppointmentStatus.CONFIRMED
                    ? current.status() == AppointmentStatus.CONFIRMED : current.status().canBecome(target);
            if (!allowed) {
                throw DomainException.conflict("illegal_transition",
                        "An appointment that is " + current.status().wireName() + " cannot become " + target.wireName());
            }
            CatalogCache.Catalog shop = catalog.get(current.locationId()).orElseThrow();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Appointment next = change.apply(h, shop, current, now);
            if (next.status() == AppointmentStatus.CONFIRMED) {
                h.attach(MemberDao.class).lockChair(next.locationId(), next.barberId());
            }
            if (h.attach(AppointmentDao.class).update(next) != 1) {
                throw DomainException.conflict("stale_version", "The appointment changed meanwhile; reload and retry");
            }
            h.attach(OutboxDao.class).insert(EventFactory.appointment(event, next, shop.location().timezone(),
                    event == EventType.AppointmentRescheduled ? current : null, now));
            if (with != null) {
                with.run(h, current, next, shop.location(), now);
            }
            return new BookedAppointment(next, shop.location().timezone());
        });
    }

    private static Appointment next(Appointment a, UUID barber, Instant start, Instant end, Instant blockedUntil,
                                    AppointmentStatus status, Instant now) {
        return new Appointment(a.id(), a.locationId(), barber, a.serviceId(), a.clientId(), start, end, blockedUntil,
                status, a.priceCents(), a.currency(), a.notes(), a.confirmationCode(), a.version() + 1, a.createdAt(), now);
    }

    private BookedAppointment withZone(Appointment appointment) {
        return new BookedAppointment(appointment, catalog.get(appointment.locationId()).orElseThrow()
                .location().timezone());
    }

    private static List<UUID> candidateBarbers(CatalogCache.Catalog shop, UUID requested) {
        if (requested == null) {
            return shop.barbers();
        }
        if (!shop.barbers().contains(requested)) {
            throw DomainException.invalid("unknown_barber", "The location has no such barber");
        }
        return List.of(requested);
    }

    private static List<Interval> timeOff(Handle h, UUID locationId, Instant from, Instant to) {
        return h.attach(ScheduleDao.class).timeOff(locationId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
    }

    /**
     * A state change in one transaction; a reschedule onto a taken chair is 409. Lock timeouts
     * and deadlocks are answered 503 by {@code DatabaseExceptionMapper}, as for every command.
     */
    private <T> T inTransaction(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return primary.inTransaction(work);
        } catch (JdbiException e) {
            if (SqlStates.EXCLUSION_VIOLATION.equals(SqlStates.of(e))) {
                throw DomainException.conflict("slot_unavailable", "The requested time is not available");
            }
            throw e;
        }
    }
}
