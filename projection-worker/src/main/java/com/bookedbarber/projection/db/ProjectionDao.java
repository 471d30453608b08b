package com.bookedbarber.projection.db;

import com.bookedbarber.projection.core.CountedAppointment;
import com.bookedbarber.projection.core.HourlyColumn;
import com.bookedbarber.projection.core.LocalHour;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The appointment read model: hourly_bookings and the per-appointment memory behind it. */
@RegisterRowMapper(ProjectionDao.CountedAppointmentMapper.class)
public interface ProjectionDao {
    /** 1 when the event is new, 0 when it was applied before. */
    @SqlUpdate("INSERT INTO projection_applied_events (event_id) VALUES (:eventId) ON CONFLICT DO NOTHING")
    int markApplied(@Bind("eventId") UUID eventId);

    @SqlQuery("SELECT appointment_id, location_id, local_date, local_hour, status, aggregate_version "
            + "FROM projection_appointments WHERE appointment_id = :id FOR UPDATE")
    Optional<CountedAppointment> findForUpdate(@Bind("id") UUID appointmentId);

    @SqlUpdate("INSERT INTO projection_appointments (appointment_id, location_id, local_date, local_hour, status, "
            + "aggregate_version) VALUES (:id, :locationId, :date, :hour, :status, :version) "
            + "ON CONFLICT (appointment_id) DO UPDATE SET location_id = EXCLUDED.location_id, "
            + "local_date = EXCLUDED.local_date, local_hour = EXCLUDED.local_hour, status = EXCLUDED.status, "
            + "aggregate_version = EXCLUDED.aggregate_version")
    void saveAppointment(@Bind("id") UUID appointmentId, @Bind("locationId") UUID locationId,
                         @Bind("date") LocalDate date, @Bind("hour") int hour, @Bind("status") String status,
                         @Bind("version") long version);

    default void save(CountedAppointment a) {
        saveAppointment(a.appointmentId(), a.locationId(), a.hour().date(), a.hour().hour(), a.column().name(),
                a.version());
    }

    @SqlUpdate("INSERT INTO hourly_bookings (location_id, local_date, local_hour, <column>) "
            + "VALUES (:locationId, :date, :hour, 1) ON CONFLICT (location_id, local_date, local_hour) "
            + "DO UPDATE SET <column> = hourly_bookings.<column> + 1")
    void increment(@Define("column") String column, @Bind("locationId") UUID locationId,
                   @Bind("date") LocalDate date, @Bind("hour") int hour);

    @SqlUpdate("UPDATE hourly_bookings SET <column> = <column> - 1 "
            + "WHERE location_id = :locationId AND local_date = :date AND local_hour = :hour")
    int decrement(@Define("column") String column, @Bind("locationId") UUID locationId,
                  @Bind("date") LocalDate date, @Bind("hour") int hour);

    default void count(CountedAppointment a, int delta) {
        if (delta > 0) {
            increment(a.column().column(), a.locationId(), a.hour().date(), a.hour().hour());
        } else {
            decrement(a.column().column(), a.locationId(), a.hour().date(), a.hour().hour());
        }
    }

    /** Moves the location's freshness mark forward (never back: events may arrive out of order across aggregates). */
    @SqlUpdate("INSERT INTO projection_locations (location_id, as_of) VALUES (:locationId, :occurredAt) "
            + "ON CONFLICT (location_id) DO UPDATE SET as_of = GREATEST(projection_locations.as_of, EXCLUDED.as_of)")
    void touchLocation(@Bind("locationId") UUID locationId, @Bind("occurredAt") OffsetDateTime occurredAt);

    final class CountedAppointmentMapper implements RowMapper<CountedAppointment> {
        @Override
        public CountedAppointment map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CountedAppointment(
                    rs.getObject("appointment_id", UUID.class),
                    rs.getObject("location_id", UUID.class),
                    new LocalHour(rs.getObject("local_date", LocalDate.class), rs.getInt("local_hour")),
                    HourlyColumn.valueOf(rs.getString("status")),
                    rs.getLong("aggregate_version"));
        }
    }
}
