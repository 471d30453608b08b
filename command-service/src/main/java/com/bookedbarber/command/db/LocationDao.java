package com.bookedbarber.command.db;

import com.bookedbarber.command.core.Location;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(LocationDao.LocationMapper.class)
public interface LocationDao {
    String COLUMNS = "id, name, slug, timezone, currency, min_lead_minutes, max_advance_days, slot_minutes, "
            + "full_refund_hours, late_refund_percent";

    @SqlQuery("SELECT " + COLUMNS + " FROM locations WHERE id = :id")
    Optional<Location> find(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM locations WHERE slug = :slug")
    Optional<Location> findBySlug(@Bind("slug") String slug);

    /** Fails with a unique violation (23505) when the slug is taken. */
    @SqlUpdate("INSERT INTO locations (id, name, slug, timezone, currency, min_lead_minutes, max_advance_days, "
            + "slot_minutes, full_refund_hours, late_refund_percent) VALUES (:id, :name, :slug, :timezone, :currency, "
            + ":minLead, :maxAdvance, :slotMinutes, :fullRefundHours, :lateRefundPercent)")
    void insert(@Bind("id") UUID id, @Bind("name") String name, @Bind("slug") String slug,
                @Bind("timezone") String timezone, @Bind("currency") String currency, @Bind("minLead") int minLead,
                @Bind("maxAdvance") int maxAdvance, @Bind("slotMinutes") int slotMinutes,
                @Bind("fullRefundHours") int fullRefundHours, @Bind("lateRefundPercent") int lateRefundPercent);

    default void insert(Location l) {
        insert(l.id(), l.name(), l.slug(), l.timezone().getId(), l.currency(), l.minLeadMinutes(), l.maxAdvanceDays(),
                l.slotMinutes(), l.fullRefundHours(), l.lateRefundPercent());
    }

    final class LocationMapper implements RowMapper<Location> {
        @Override
        public Location map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Location(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("slug"),
                    ZoneId.of(rs.getString("timezone")),
                    rs.getString("currency"),
                    rs.getInt("min_lead_minutes"),
                    rs.getInt("max_advance_days"),
                    rs.getInt("slot_minutes"),
                    rs.getInt("full_refund_hours"),
                    rs.getInt("late_refund_percent"));
        }
    }
}
