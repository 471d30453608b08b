package com.bookedbarber.command.db;

import com.bookedbarber.command.core.Appointment;
import com.bookedbarber.command.core.AppointmentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(AppointmentDao.AppointmentMapper.class)
public interface AppointmentDao {
    String COLUMNS = "id, location_id, barber_id, service_id, client_id, start_time, end_time, blocked_until, status, "
            + "price_cents, currency, notes, confirmation_code, version, created_at, updated_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM appointments WHERE id = :id")
    Optional<Appointment> find(@Bind("id") UUID id);

    /**
     * The appointment if the caller may see it: its client, or staff of its location. Anyone
     * else, another tenant included, gets nothing (404), decided here rather than in callers.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM appointments a WHERE a.id = :id AND (a.client_id = :caller "
            + "OR EXISTS (SELECT 1 FROM location_members m WHERE m.location_id = a.location_id AND m.user_id = :caller))")
    Optional<Appointment> findVisible(@Bind("id") UUID id, @Bind("caller") UUID callerId);

    /** Locks the row for a state change; the caller's visibility is checked by the service. */
    @SqlQuery("SELECT " + COLUMNS + " FROM appointments WHERE id = :id FOR UPDATE")
    Optional<Appointment> lock(@Bind("id") UUID id);

    /** Writes a changed appointment; 0 when its version moved on meanwhile. */
    @SqlUpdate("UPDATE appointments SET barber_id = :barberId, start_time = :start, end_time = :end, "
            + "blocked_until = :blockedUntil, status = :status, version = :version, updated_at = :updatedAt "
            + "WHERE id = :id AND version = :version - 1")
    int update(@Bind("id") UUID id, @Bind("barberId") UUID barberId, @Bind("start") OffsetDateTime start,
               @Bind("end") OffsetDateTime end, @Bind("blockedUntil") OffsetDateTime blockedUntil,
               @Bind("status") String status, @Bind("version") int version, @Bind("updatedAt") OffsetDateTime updatedAt);

    default int update(Appointment a) {
        return update(a.id(), a.barberId(), Timestamps.utc(a.start()), Timestamps.utc(a.end()),
                Timestamps.utc(a.blockedUntil()), a.status().wireName(), a.version(), Timestamps.utc(a.updatedAt()));
    }

    /**
     * A page in (start_time, id) order after the cursor, for one location (staff) or one client.
     * Optional filters are NULL when absent; limit is one more than the page to detect a next page.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM appointments WHERE "
            + "(CAST(:locationId AS uuid) IS NULL OR location_id = :locationId) "
            + "AND (CAST(:clientId AS uuid) IS NULL OR client_id = :clientId) "
            + "AND (CAST(:barberId AS uuid) IS NULL OR barber_id = :barberId) "
            + "AND (CAST(:status AS text) IS NULL OR status = :status) "
            + "AND start_time >= :from AND start_time < :to "
            + "AND (CAST(:afterStart AS timestamptz) IS NULL OR (start_time, id) > (:afterStart, :afterId)) "
            + "ORDER BY start_time, id LIMIT :limit")
    java.util.List<Appointment> page(@Bind("locationId") UUID locationId, @Bind("clientId") UUID clientId,
                                     @Bind("barberId") UUID barberId, @Bind("status") String status,
                                     @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to,
                                     @Bind("afterStart") OffsetDateTime afterStart, @Bind("afterId") UUID afterId,
                                     @Bind("limit") int limit);

    final class AppointmentMapper implements RowMapper<Appointment> {
        @Override
        public Appointment map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Appointment(
                    rs.getObject("id", UUID.class),
                    rs.getObject("location_id", UUID.class),
                    rs.getObject("barber_id", UUID.class),
                    rs.getObject("service_id", UUID.class),
                    rs.getObject("client_id", UUID.class),
                    Timestamps.instant(rs, "start_time"),
                    Timestamps.instant(rs, "end_time"),
                    Timestamps.instant(rs, "blocked_until"),
                    AppointmentStatus.fromWire(rs.getString("status")),
                    rs.getLong("price_cents"),
                    rs.getString("currency"),
                    rs.getString("notes"),
                    rs.getString("confirmation_code"),
                    rs.getInt("version"),
                    Timestamps.instant(rs, "created_at"),
                    Timestamps.instant(rs, "updated_at"));
        }
    }
}
