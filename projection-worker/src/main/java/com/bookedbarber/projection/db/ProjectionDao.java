package com.bookedbarber.projection.db;

import com.bookedbarber.platform.db.NotificationChannels;
import com.bookedbarber.projection.core.CountedAppointment;
import com.bookedbarber.projection.core.HourlyColumn;
import com.bookedbarber.projection.core.LocalHour;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The appointment read model (hourly_bookings and the per-appointment memory behind it), the
 * applied-events set and per-location freshness. Every write takes a whole batch as arrays
 * (unnest), so a poll costs a fixed number of statements whatever its size.
 */
@RegisterRowMapper(ProjectionDao.CountedAppointmentMapper.class)
public interface ProjectionDao {
    String VERSIONS_CHANNEL = NotificationChannels.PROJECTION_VERSIONS;

    /** Records the events as applied; returns the ids that were new (the others are duplicates). */
    @SqlQuery("INSERT INTO projection_applied_events (event_id) SELECT unnest(CAST(:ids AS uuid[])) "
            + "ON CONFLICT DO NOTHING RETURNING event_id")
    List<UUID> markApplied(@Bind("ids") UUID[] eventIds);

    /** The stored memory of these appointments, locked until the batch commits. */
    @SqlQuery("SELECT appointment_id, location_id, local_date, local_hour, status, aggregate_version "
            + "FROM projection_appointments WHERE appointment_id = ANY(CAST(:ids AS uuid[])) FOR UPDATE")
    List<CountedAppointment> lockAppointments(@Bind("ids") UUID[] appointmentIds);

    @SqlUpdate("INSERT INTO projection_appointments (appointment_id, location_id, local_date, local_hour, status, "
            + "aggregate_version) SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:locations AS uuid[]), "
            + "CAST(:dates AS date[]), CAST(:hours AS smallint[]), CAST(:statuses AS text[]), "
            + "CAST(:versions AS bigint[])) "
            + "ON CONFLICT (appointment_id) DO UPDATE SET location_id = EXCLUDED.location_id, "
            + "local_date = EXCLUDED.local_date, local_hour = EXCLUDED.local_hour, status = EXCLUDED.status, "
            + "aggregate_version = EXCLUDED.aggregate_version")
    void saveAppointments(@Bind("ids") UUID[] ids, @Bind("locations") UUID[] locations, @Bind("dates") String[] dates,
                          @Bind("hours") Integer[] hours, @Bind("statuses") String[] statuses,
                          @Bind("versions") Long[] versions);

    /**
     * Adds counts to hourly_bookings cells (a cell's row is created on first use). Only
     * non-negative values: PostgreSQL checks the row it would insert against the CHECK constraints
     * before it looks for the conflict, so a negative delta must go through {@link #subtractHourly}.
     */
    @SqlUpdate("INSERT INTO hourly_bookings AS h (location_id, local_date, local_hour, booked, cancelled, completed, "
            + "no_show) SELECT * FROM unnest(CAST(:locations AS uuid[]), CAST(:dates AS date[]), "
            + "CAST(:hours AS smallint[]), CAST(:booked AS int[]), CAST(:cancelled AS int[]), "
            + "CAST(:completed AS int[]), CAST(:noShow AS int[])) "
            + "ON CONFLICT (location_id, local_date, local_hour) DO UPDATE SET booked = h.booked + EXCLUDED.booked, "
            + "cancelled = h.cancelled + EXCLUDED.cancelled, completed = h.completed + EXCLUDED.completed, "
            + "no_show = h.no_show + EXCLUDED.no_show")
    void addHourly(@Bind("locations") UUID[] locations, @Bind("dates") String[] dates, @Bind("hours") Integer[] hours,
                   @Bind("booked") Integer[] booked, @Bind("cancelled") Integer[] cancelled,
                   @Bind("completed") Integer[] completed, @Bind("noShow") Integer[] noShow);

    /** Takes counts away from existing cells (an appointment moved out of them); values are magnitudes. */
    @SqlUpdate("UPDATE hourly_bookings h SET booked = h.booked - d.booked, cancelled = h.cancelled - d.cancelled, "
            + "completed = h.completed - d.completed, no_show = h.no_show - d.no_show "
            + "FROM unnest(CAST(:locations AS uuid[]), CAST(:dates AS date[]), CAST(:hours AS smallint[]), "
            + "CAST(:booked AS int[]), CAST(:cancelled AS int[]), CAST(:completed AS int[]), CAST(:noShow AS int[])) "
            + "AS d(location_id, local_date, local_hour, booked, cancelled, completed, no_show) "
            + "WHERE h.location_id = d.location_id AND h.local_date = d.local_date AND h.local_hour = d.local_hour")
    int subtractHourly(@Bind("locations") UUID[] locations, @Bind("dates") String[] dates,
                       @Bind("hours") Integer[] hours, @Bind("booked") Integer[] booked,
                       @Bind("cancelled") Integer[] cancelled, @Bind("completed") Integer[] completed,
                       @Bind("noShow") Integer[] noShow);

    /**
     * Moves each location's freshness mark forward (never back: aggregates interleave) and bumps
     * its version, which changes with every batch that touched the location. The command-service
     * keys its analytics cache on that version and learns it from {@value #VERSIONS_CHANNEL}
     * ("location-id version", delivered on commit). A rebuild writing its shadow tables stays
     * silent: its versions mean nothing until the swap, which announces them all.
     */
    @SqlQuery("WITH touched AS (INSERT INTO projection_locations AS p (location_id, as_of) SELECT * FROM unnest("
            + "CAST(:locations AS uuid[]), CAST(:asOf AS timestamptz[])) "
            + "ON CONFLICT (location_id) DO UPDATE SET as_of = GREATEST(p.as_of, EXCLUDED.as_of), "
            + "version = p.version + 1 RETURNING location_id, version) "
            + "SELECT count(pg_notify('" + VERSIONS_CHANNEL + "', location_id || ' ' || version)) FROM touched "
            + "WHERE current_schema() = 'public'")
    long touchLocations(@Bind("locations") UUID[] locations, @Bind("asOf") String[] asOf);

    /** Announces every location's version: after a rebuild swapped in tables with new ones. */
    @SqlQuery("SELECT count(pg_notify('" + VERSIONS_CHANNEL + "', location_id || ' ' || version)) "
            + "FROM projection_locations")
    long announceVersions();

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
