package com.bookedbarber.command.service;

import com.bookedbarber.api.events.EventType;
import com.bookedbarber.command.core.Appointment;
import com.bookedbarber.command.core.AppointmentStatus;
import com.bookedbarber.command.core.BookedAppointment;
import com.bookedbarber.command.core.ConfirmationCodes;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.core.EventFactory;
import com.bookedbarber.command.core.Location;
import com.bookedbarber.command.core.NewBooking;
import com.bookedbarber.command.core.ServiceOffering;
import com.bookedbarber.command.db.AppointmentDao;
import com.bookedbarber.command.db.LocationDao;
import com.bookedbarber.command.db.MemberDao;
import com.bookedbarber.command.db.OutboxDao;
import com.bookedbarber.command.db.ServiceOfferingDao;
import com.bookedbarber.command.db.SqlStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Books chairs. Each command is one transaction that writes the appointment and its event to
 * the outbox together. Overlaps are decided by the database's exclusion constraint, never by a
 * check-then-insert.
 */
public final class BookingService {
    private static final String SLOT_SAVEPOINT = "slot";

    private final Jdbi primary;
    private final Clock clock;
    private final Duration lockTimeout;

    public BookingService(Jdbi primary, Clock clock, Duration lockTimeout) {
        this.primary = primary;
        this.clock = clock;
        this.lockTimeout = lockTimeout;
    }

    public BookedAppointment book(NewBooking booking) {
        return inTransaction(h -> {
            Location location = h.attach(LocationDao.class).find(booking.locationId())
                    .orElseThrow(() -> DomainException.invalid("unknown_location", "No such location"));
            ServiceOffering service = h.attach(ServiceOfferingDao.class)
                    .find(booking.locationId(), booking.serviceId())
                    .orElseThrow(() -> DomainException.invalid("unknown_service", "The location has no such service"));
            List<UUID> barbers = candidateBarbers(h, booking);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            for (UUID barber : barbers) {
                Appointment appointment = new Appointment(UUID.randomUUID(), location.id(), barber, service.id(),
                        booking.clientId(), booking.start(), booking.start().plus(service.duration()),
                        booking.start().plus(service.blockedDuration()), AppointmentStatus.CONFIRMED,
                        service.priceCents(), location.currency(), booking.notes(), ConfirmationCodes.next(), 1,
                        now, now);
                if (tryInsert(h, appointment)) {
                    h.attach(OutboxDao.class).insert(EventFactory.appointment(
                            EventType.AppointmentBooked, appointment, location.timezone(), null, now));
                    return new BookedAppointment(appointment, location.timezone());
                }
            }
            throw DomainException.conflict("slot_unavailable", "The requested time is not available");
        });
    }

    public BookedAppointment get(UUID id, UUID callerId) {
        return primary.withHandle(h -> {
            Appointment appointment = h.attach(AppointmentDao.class).findVisible(id, callerId)
                    .orElseThrow(() -> DomainException.notFound("Appointment"));
            Location location = h.attach(LocationDao.class).find(appointment.locationId()).orElseThrow();
            return new BookedAppointment(appointment, location.timezone());
        });
    }

    private static List<UUID> candidateBarbers(Handle h, NewBooking booking) {
        List<UUID> barbers = h.attach(MemberDao.class).barberIds(booking.locationId());
        if (booking.barberId() == null) {
            return barbers;
        }
        if (!barbers.contains(booking.barberId())) {
            throw DomainException.invalid("unknown_barber", "The location has no such barber");
        }
        return List.of(booking.barberId());
    }

    /** Inserts under a savepoint; false when the barber's chair is taken (exclusion violation). */
    private static boolean tryInsert(Handle h, Appointment appointment) {
        h.savepoint(SLOT_SAVEPOINT);
        try {
            h.attach(AppointmentDao.class).insert(appointment);
            h.release(SLOT_SAVEPOINT);
            return true;
        } catch (JdbiException e) {
            if (!SqlStates.EXCLUSION_VIOLATION.equals(SqlStates.of(e))) {
                throw e;
            }
            h.rollbackToSavepoint(SLOT_SAVEPOINT);
            return false;
        }
    }

    private <T> T inTransaction(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return primary.inTransaction(h -> {
                // no request waits long behind another's row or constraint lock
                h.execute("SET LOCAL lock_timeout = " + lockTimeout.toMillis());
                return work.withHandle(h);
            });
        } catch (JdbiException e) {
            if (SqlStates.LOCK_NOT_AVAILABLE.equals(SqlStates.of(e))) {
                throw DomainException.unavailable("busy", "The chair is being booked by someone else; retry shortly");
            }
            throw e;
        }
    }
}
