package com.bookedbarber.command.db;

import com.bookedbarber.command.core.Appointment;
import com.bookedbarber.command.core.OutboxEvent;
import com.bookedbarber.platform.db.SqlStates;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;

/**
 * The booking statement, the hottest command of the API. It runs as a plain prepared statement
 * on the connection of a Jdbi handle instead of as a SqlObject method: attaching a SqlObject
 * copies Jdbi's configuration for the handle, for each method's invoker and for the statement,
 * and looks up an argument factory for each of the 21 values; a profile of booking under load
 * put that at 15-20% of the API's CPU per booking (ops/PERFORMANCE.md). The handle still
 * gives the pool, the connection settings and the exception types every other DAO raises, and
 * the statement is timed under the name the SqlObject method had.
 */
public final class BookingDao {
    /** How a booking statement ended: booked, refused for time off or a taken chair, or its confirmation code was taken. */
    public enum BookingAttempt { BOOKED, TIME_OFF, TAKEN, CODE_TAKEN }

    /** The unique constraint on appointments.confirmation_code (PostgreSQL's default name). */
    static final String CONFIRMATION_CODE_KEY = "appointments_confirmation_code_key";

    /**
     * Books the barber's chair with its event in one statement, so a booking costs one round trip
     * and commits atomically on its own. It locks the chair (concurrent bookings of one barber
     * queue here instead of deadlocking on each other's constraint checks), refuses the barber's
     * time off, and inserts only if the exclusion constraint {@code appointments_no_overlap}
     * finds the chair free (ON CONFLICT waits for a competing in-flight booking and then
     * decides, so there is no check-then-insert race). The outbox row is written only when the
     * appointment was.
     */
    public static final PositionalSql BOOK = PositionalSql.of(
            "WITH chair AS (SELECT user_id FROM location_members WHERE location_id = :locationId "
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
            + "  WHEN (SELECT blocked FROM off) THEN 'TIME_OFF' ELSE 'TAKEN' END");

    private final Jdbi primary;
    private final Timer timer;

    public BookingDao(Jdbi primary, MetricRegistry metrics) {
        this.primary = primary;
        this.timer = metrics.timer(MetricRegistry.name(BookingDao.class, "book"));
    }

    /**
     * Books a new (version 1) appointment with its AppointmentBooked event, in its own
     * (auto-commit) transaction; guest details may be null.
     */
    public BookingAttempt book(Appointment a, String guestName, String guestEmail, String guestPhone,
                               OutboxEvent booked) {
        Map<String, Object> values = values(a, guestName, guestEmail, guestPhone, booked);
        return primary.withHandle(handle -> {
            try (Timer.Context timed = timer.time();
                 PreparedStatement statement = handle.getConnection().prepareStatement(BOOK.sql())) {
                BOOK.bind(statement, values);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return BookingAttempt.valueOf(result.getString(1));
                }
            } catch (SQLException e) {
                // a random code equal to an existing one: nothing was written, the caller draws again
                if (e instanceof PSQLException psql && SqlStates.UNIQUE_VIOLATION.equals(e.getSQLState())
                        && psql.getServerErrorMessage() != null
                        && CONFIRMATION_CODE_KEY.equals(psql.getServerErrorMessage().getConstraint())) {
                    return BookingAttempt.CODE_TAKEN;
                }
                throw new UnableToExecuteStatementException("booking statement failed", e, null);
            }
        });
    }

    /** The statement's values by parameter name (the bench's raw-JDBC baseline binds these too). */
    public static Map<String, Object> values(Appointment a, String guestName, String guestEmail, String guestPhone,
                                             OutboxEvent booked) {
        Map<String, Object> values = new HashMap<>(32);
        values.put("id", a.id());
        values.put("locationId", a.locationId());
        values.put("barberId", a.barberId());
        values.put("serviceId", a.serviceId());
        values.put("clientId", a.clientId());
        values.put("start", Timestamps.utc(a.start()));
        values.put("end", Timestamps.utc(a.end()));
        values.put("blockedUntil", Timestamps.utc(a.blockedUntil()));
        values.put("status", a.status().wireName());
        values.put("priceCents", a.priceCents());
        values.put("currency", a.currency());
        values.put("notes", a.notes());
        values.put("confirmationCode", a.confirmationCode());
        values.put("createdAt", Timestamps.utc(a.createdAt()));
        values.put("guestName", guestName);
        values.put("guestEmail", guestEmail);
        values.put("guestPhone", guestPhone);
        values.put("eventId", booked.eventId());
        values.put("topic", booked.topic());
        values.put("eventType", booked.eventType());
        values.put("envelope", booked.envelope());
        return values;
    }
}
