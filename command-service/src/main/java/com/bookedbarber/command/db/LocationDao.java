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

@RegisterRowMapper(LocationDao.LocationMapper.class)
public interface LocationDao {
    String COLUMNS = "id, name, slug, timezone, currency, min_lead_minutes, max_advance_days, slot_minutes, "
            + "full_refund_hours, late_refund_percent";

    @SqlQuery("SELECT " + COLUMNS + " FROM locations WHERE id = :id")
    Optional<Location> find(@Bind("id") UUID id);

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
