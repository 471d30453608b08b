package com.bookedbarber.command.analytics;

import com.bookedbarber.api.analytics.DailyRevenueView;
import com.bookedbarber.api.analytics.HourlyBookingsView;
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

/**
 * Reads the read models through the read-only data source. It never touches appointments,
 * payments or the outbox: only projection tables and the location's own settings.
 */
public interface AnalyticsDao {
    @SqlQuery("SELECT local_date, local_hour, booked, cancelled, completed, no_show FROM hourly_bookings "
            + "WHERE location_id = :id AND local_date BETWEEN :from AND :to "
            + "AND (booked + cancelled + completed + no_show) > 0 ORDER BY local_date, local_hour")
    @RegisterRowMapper(HourMapper.class)
    List<HourlyBookingsView.Hour> hourlyBookings(@Bind("id") UUID locationId, @Bind("from") LocalDate from,
                                                 @Bind("to") LocalDate to);

    /** The days of the range that had revenue in the currency (the caller fills in the others). */
    @SqlQuery("SELECT local_date, gross_cents, refunded_cents, gross_cents - refunded_cents AS net_cents, payments, "
            + "refunds FROM daily_revenue WHERE location_id = :id AND currency = :currency "
            + "AND local_date BETWEEN :from AND :to ORDER BY local_date")
    @RegisterRowMapper(DayMapper.class)
    List<DailyRevenueView.Day> dailyRevenue(@Bind("id") UUID locationId, @Bind("currency") String currency,
                                            @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Revenue of the range and of the period of the same length just before it, in one scan. */
    record RevenueTotals(long gross, long refunded, long previousGross, long previousRefunded) {
    }

    @SqlQuery("SELECT coalesce(sum(gross_cents) FILTER (WHERE local_date >= :from), 0) AS gross, "
            + "coalesce(sum(refunded_cents) FILTER (WHERE local_date >= :from), 0) AS refunded, "
            + "coalesce(sum(gross_cents) FILTER (WHERE local_date < :from), 0) AS previous_gross, "
            + "coalesce(sum(refunded_cents) FILTER (WHERE local_date < :from), 0) AS previous_refunded "
            + "FROM daily_revenue WHERE location_id = :id AND currency = :currency "
            + "AND local_date BETWEEN :previousFrom AND :to")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(RevenueTotals.class)
    RevenueTotals revenueTotals(@Bind("id") UUID locationId, @Bind("currency") String currency,
                                @Bind("previousFrom") LocalDate previousFrom, @Bind("from") LocalDate from,
                                @Bind("to") LocalDate to);

    /** Appointment counts per local hour of the day over the range (hours without any left out). */
    record HourTotals(int hour, long booked, long cancelled, long completed, long noShow) {
        public long all() {
            return booked + cancelled + completed + noShow;
        }

        public long notCancelled() {
            return booked + completed + noShow;
        }
    }

    @SqlQuery("SELECT local_hour AS hour, sum(booked) AS booked, sum(cancelled) AS cancelled, "
            + "sum(completed) AS completed, sum(no_show) AS no_show FROM hourly_bookings "
            + "WHERE location_id = :id AND local_date BETWEEN :from AND :to GROUP BY local_hour ORDER BY local_hour")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(HourTotals.class)
    List<HourTotals> hourTotals(@Bind("id") UUID locationId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    final class DayMapper implements RowMapper<DailyRevenueView.Day> {
        @Override
        public DailyRevenueView.Day map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new DailyRevenueView.Day(rs.getObject("local_date", LocalDate.class), rs.getLong("gross_cents"),
                    rs.getLong("refunded_cents"), rs.getLong("net_cents"), rs.getInt("payments"), rs.getInt("refunds"));
        }
    }

    final class HourMapper implements RowMapper<HourlyBookingsView.Hour> {
        @Override
        public HourlyBookingsView.Hour map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new HourlyBookingsView.Hour(rs.getObject("local_date", LocalDate.class), rs.getInt("local_hour"),
                    rs.getInt("booked"), rs.getInt("cancelled"), rs.getInt("completed"), rs.getInt("no_show"));
        }
    }
}
