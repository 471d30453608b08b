package com.bookedbarber.command.db;

import com.bookedbarber.command.core.Interval;
import com.bookedbarber.command.core.WorkingWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** When barbers work and when they do not: weekly hours, time off, and the chair's bookings. */
public interface ScheduleDao {
    @SqlQuery("SELECT barber_id, day_of_week, start_local, end_local FROM barber_hours WHERE location_id = :locationId "
            + "ORDER BY barber_id, day_of_week, start_local")
    @RegisterRowMapper(WindowMapper.class)
    List<WorkingWindow> windows(@Bind("locationId") UUID locationId);

    @SqlUpdate("DELETE FROM barber_hours WHERE location_id = :locationId AND barber_id = :barberId")
    void deleteHours(@Bind("locationId") UUID locationId, @Bind("barberId") UUID barberId);

    @SqlBatch("INSERT INTO barber_hours (location_id, barber_id, day_of_week, start_local, end_local) "
            + "VALUES (:locationId, :barberId, :day, :start, :end)")
    void insertHours(@Bind("locationId") UUID locationId, @Bind("barberId") UUID barberId,
                     @Bind("day") List<Integer> days, @Bind("start") List<LocalTime> starts,
                     @Bind("end") List<LocalTime> ends);

    @SqlUpdate("INSERT INTO barber_time_off (id, location_id, barber_id, start_time, end_time, reason) "
            + "VALUES (:id, :locationId, :barberId, :start, :end, :reason)")
    void insertTimeOff(@Bind("id") UUID id, @Bind("locationId") UUID locationId, @Bind("barberId") UUID barberId,
                       @Bind("start") OffsetDateTime start, @Bind("end") OffsetDateTime end,
                       @Bind("reason") String reason);

    /** Time off of the location's barbers overlapping [from, to). */
    @SqlQuery("SELECT barber_id, start_time, end_time FROM barber_time_off WHERE location_id = :locationId "
            + "AND tstzrange(start_time, end_time) && tstzrange(:from, :to)")
    @RegisterRowMapper(IntervalMapper.class)
    List<Interval> timeOff(@Bind("locationId") UUID locationId, @Bind("from") OffsetDateTime from,
                           @Bind("to") OffsetDateTime to);

    /**
     * Active appointments (buffers included) of the location overlapping [from, to). The lower
     * bound on start_time (a service lasts at most 8 h plus a 2 h buffer) keeps this a range scan
     * of the (location_id, start_time) index.
     */
    @SqlQuery("SELECT barber_id, start_time, blocked_until AS end_time FROM appointments "
            + "WHERE location_id = :locationId AND start_time >= CAST(:from AS timestamptz) - interval '10 hours' "
            + "AND start_time < :to AND blocked_until > :from AND status IN ('confirmed', 'completed')")
    @RegisterRowMapper(IntervalMapper.class)
    List<Interval> busy(@Bind("locationId") UUID locationId, @Bind("from") OffsetDateTime from,
                        @Bind("to") OffsetDateTime to);

    final class WindowMapper implements RowMapper<WorkingWindow> {
        @Override
        public WorkingWindow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new WorkingWindow(rs.getObject("barber_id", UUID.class), rs.getInt("day_of_week"),
                    rs.getObject("start_local", LocalTime.class), rs.getObject("end_local", LocalTime.class));
        }
    }

    final class IntervalMapper implements RowMapper<Interval> {
        @Override
        public Interval map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Interval(rs.getObject("barber_id", UUID.class), Timestamps.instant(rs, "start_time"),
                    Timestamps.instant(rs, "end_time"));
        }
    }
}
