package com.bookedbarber.command.db;

import com.bookedbarber.command.core.Appointment;
import com.bookedbarber.command.core.OutboxEvent;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The booking statement, apart from {@link AppointmentDao}: Jdbi prepares a handler for every
 * method of a SqlObject each time one is attached, so the hottest command of the API gets an
 * interface with nothing else in it.
 */
public interface BookingDao {
    /** What one booking attempt found. */
    enum BookingAttempt { BOOKED, TIME_OFF, TAKEN }

    /**
     * Books the barber's chair with its event in one statement, so a booking costs one round trip
     * and commits atomically on its own. It locks the chair (concurrent bookings of one barber
     * queue here instead of deadlocking on each other's constraint checks), refuses the barber's
     * time off, and inserts only if the exclusion constraint {@code appointments_no_overlap}
     * finds the chair free (ON CONFLICT waits for a competing in-flight booking and then
     * decides, so there is no check-then-insert race). The outbox row is written only when the
     * appointment was.
     */
    @SqlQuery("WITH chair AS (SELECT user_id FROM location_members WHERE location_id = :locationId "
            + "  AND user_id = :barberId FOR NO KEY UPDATE), "
            + "off AS (SELECT EXISTS (SELECT 1 FROM barber_time_off WHERE location_id = :locationId "
            + "  AND barber_id = :barberId AND tstzrange(start_time, end_time) && tstzrange(:start, :blockedUntil)) "
            + "  AS blocked), "
            + "booked AS (INSERT INTO appointments (id, location_id, barber_id, service_id, client_id, start_time, "
            + "  end_time, blocked_until, status, price_cents, currency, notes, confirmation_code, version, "
            + "  created_at, updated_at, guest_name, guest_email, guest_phone) "
            + "  SELECT CAST(:id AS uuid), CAST(:locationId AS uuid), chair.user_id, CAST(:serviceId AS uuid), "
            + "  CAST(:clientId AS uuid), CAST(:start AS timestamptz), CAST(:end AS timestamptz), "
            + "  CAST(:blockedUntil AS timestamptz), CAST(:status AS text), CAST(:priceCents AS bigint), "
            + "  CAST(:currency AS text), CAST(:notes AS text), CAST(:confirmationCode AS text), 1, "
            + "  CAST(:createdAt AS timestamptz), CAST(:createdAt AS timestamptz), CAST(:guestName AS text), "
            + "  CAST(:guestEmail AS text), CAST(:guestPhone AS text) "
            + "  FROM chair, off WHERE NOT off.blocked "
            + "  ON CONFLICT ON CONSTRAINT appointments_no_overlap DO NOTHING RETURNING id), "
            + "event AS (INSERT INTO outbox (event_id, topic, aggregate_id, aggregate_version, event_type, "
            + "  location_id, occurred_at, envelope) SELECT CAST(:eventId AS uuid), CAST(:topic AS text), id, 1, "
            + "  CAST(:eventType AS text), CAST(:locationId AS uuid), CAST(:createdAt AS timestamptz), "
            + "  CAST(:envelope AS text) FROM booked RETURNING id) "
            + "SELECT CASE WHEN EXISTS (SELECT 1 FROM event) THEN 'BOOKED' "
            + "  WHEN (SELECT blocked FROM off) THEN 'TIME_OFF' ELSE 'TAKEN' END")
    BookingAttempt book(@Bind("id") UUID id, @Bind("locationId") UUID locationId, @Bind("barberId") UUID barberId,
                        @Bind("serviceId") UUID serviceId, @Bind("clientId") UUID clientId,
                        @Bind("start") OffsetDateTime start, @Bind("end") OffsetDateTime end,
                        @Bind("blockedUntil") OffsetDateTime blockedUntil, @Bind("status") String status,
                        @Bind("priceCents") long priceCents, @Bind("currency") String currency,
                        @Bind("notes") String notes, @Bind("confirmationCode") String confirmationCode,
                        @Bind("createdAt") OffsetDateTime createdAt, @Bind("guestName") String guestName,
                        @Bind("guestEmail") String guestEmail, @Bind("guestPhone") String guestPhone,
                        @Bind("eventId") UUID eventId, @Bind("topic") String topic,
                        @Bind("eventType") String eventType, @Bind("envelope") String envelope);

    /** Books a new (version 1) appointment with its AppointmentBooked event; guest details may be null. */
    default BookingAttempt book(Appointment a, String guestName, String guestEmail, String guestPhone,
                                OutboxEvent booked) {
        return book(a.id(), a.locationId(), a.barberId(), a.serviceId(), a.clientId(), Timestamps.utc(a.start()),
                Timestamps.utc(a.end()), Timestamps.utc(a.blockedUntil()), a.status().wireName(), a.priceCents(),
                a.currency(), a.notes(), a.confirmationCode(), Timestamps.utc(a.createdAt()), guestName, guestEmail,
                guestPhone, booked.eventId(), booked.topic(), booked.eventType(), booked.envelope());
    }
}
