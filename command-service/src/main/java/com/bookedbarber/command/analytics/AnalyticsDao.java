package com.bookedbarber.command.analytics;

import com.bookedbarber.api.analytics.HourlyBookingsView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads the read models through the read-only data source. It never touches appointments,
 * payments or the outbox: only projection tables and the location's own settings.
 */
public interface AnalyticsDao {
    /** The location as the caller sees it: empty unless the caller is a member (other tenants: 404). */
    record LocationAccess(String timezone, String role) {
        public boolean mayReadAnalytics() {
            return "owner".equals(role) || "manager".equals(role);
        }
    }

    @SqlQuery("SELECT l.timezone, m.role FROM locations l JOIN location_members m "
            + "ON m.location_id = l.id AND m.user_id = :caller WHERE l.id = :id")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(LocationAccess.class)
    Optional<LocationAccess> access(@Bind("id") UUID locationId, @Bind("caller") UUID callerId);

    @SqlQuery("SELECT as_of FROM projection_locations WHERE location_id = :id")
    Optional<OffsetDateTime> asOf(@Bind("id") UUID locationId);

    @SqlQuery("SELECT local_date, local_hour, booked, cancelled, completed, no_show FROM hourly_bookings "
            + "WHERE location_id = :id AND local_date BETWEEN :from AND :to "
            + "AND (booked + cancelled + completed + no_show) > 0 ORDER BY local_date, local_hour")
    @RegisterRowMapper(HourMapper.class)
    List<HourlyBookingsView.Hour> hourlyBookings(@Bind("id") UUID locationId, @Bind("from") LocalDate from,
                                                 @Bind("to") LocalDate to);

    final class HourMapper implements RowMapper<HourlyBookingsView.Hour> {
        @Override
        public HourlyBookingsView.Hour map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new HourlyBookingsView.Hour(rs.getObject("local_date", LocalDate.class), rs.getInt("local_hour"),
                    rs.getInt("booked"), rs.getInt("cancelled"), rs.getInt("completed"), rs.getInt("no_show"));
        }
    }
}
