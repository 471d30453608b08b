package com.bookedbarber.projection.db;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The same figures as the projections, computed again from the primary tables (slow, for
 * checking only): a difference means an event was lost, doubled or misapplied.
 */
@RegisterConstructorMapper(ReconcileDao.Cell.class)
public interface ReconcileDao {
    /** One row of either side, as text key -> four numbers, so both read models compare alike. */
    record Cell(String key, long a, long b, long c, long d) {
    }

    @SqlQuery("SELECT local_date || ' ' || local_hour AS key, count(*) FILTER (WHERE status = 'confirmed') AS a, "
            + "count(*) FILTER (WHERE status = 'cancelled') AS b, count(*) FILTER (WHERE status = 'completed') AS c, "
            + "count(*) FILTER (WHERE status = 'no_show') AS d FROM ("
            + "  SELECT (x.start_time AT TIME ZONE l.timezone)::date AS local_date, "
            + "  extract(hour FROM x.start_time AT TIME ZONE l.timezone)::int AS local_hour, x.status "
            + "  FROM appointments x JOIN locations l ON l.id = x.location_id WHERE x.location_id = :id) t "
            + "WHERE local_date BETWEEN :from AND :to GROUP BY local_date, local_hour")
    List<Cell> hourlyFromPrimary(@Bind("id") UUID locationId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    @SqlQuery("SELECT local_date || ' ' || local_hour AS key, booked AS a, cancelled AS b, completed AS c, "
            + "no_show AS d FROM hourly_bookings WHERE location_id = :id AND local_date BETWEEN :from AND :to "
            + "AND booked + cancelled + completed + no_show > 0")
    List<Cell> hourlyProjection(@Bind("id") UUID locationId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Gross on the local day a payment completed; refunds on the local day they succeeded. */
    @SqlQuery("SELECT local_date || ' ' || currency AS key, sum(gross) AS a, sum(refunded) AS b, sum(payments) AS c, "
            + "sum(refunds) AS d FROM ("
            + "  SELECT (p.completed_at AT TIME ZONE l.timezone)::date AS local_date, p.currency, "
            + "  p.amount_cents AS gross, 0 AS refunded, 1 AS payments, 0 AS refunds "
            + "  FROM payments p JOIN locations l ON l.id = p.location_id "
            + "  WHERE p.location_id = :id AND p.completed_at IS NOT NULL "
            + "  UNION ALL "
            + "  SELECT (r.updated_at AT TIME ZONE l.timezone)::date, p.currency, 0, r.amount_cents, 0, 1 "
            + "  FROM refunds r JOIN payments p ON p.id = r.payment_id JOIN locations l ON l.id = p.location_id "
            + "  WHERE p.location_id = :id AND r.status = 'succeeded') t "
            + "WHERE local_date BETWEEN :from AND :to GROUP BY local_date, currency")
    List<Cell> revenueFromPrimary(@Bind("id") UUID locationId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    @SqlQuery("SELECT local_date || ' ' || currency AS key, gross_cents AS a, refunded_cents AS b, payments AS c, "
            + "refunds AS d FROM daily_revenue WHERE location_id = :id AND local_date BETWEEN :from AND :to "
            + "AND (gross_cents <> 0 OR refunded_cents <> 0 OR payments <> 0 OR refunds <> 0)")
    List<Cell> revenueProjection(@Bind("id") UUID locationId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);
}
