package com.bookedbarber.command.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Who may read a location's analytics, read on the primary: it decides access, so it must not lag
 * behind a revocation the way a replica can (and {@link LocationAccessCache} keeps it, so it runs
 * once per caller and location, not per request).
 */
public interface AnalyticsAccessDao {
    /** The location as the caller sees it: empty unless the caller is a member (other tenants: 404). */
    record LocationAccess(String timezone, String currency, String role) {
        public boolean mayReadAnalytics() {
            return "owner".equals(role) || "manager".equals(role);
        }
    }

    @SqlQuery("SELECT l.timezone, l.currency, m.role FROM locations l "
            + "JOIN location_members m ON m.location_id = l.id AND m.user_id = :caller WHERE l.id = :id")
    @RegisterRowMapper(LocationAccessMapper.class)
    Optional<LocationAccess> access(@Bind("id") UUID locationId, @Bind("caller") UUID callerId);

    /** By hand: Jdbi's ConstructorMapper matches columns to parameters again on every query. */
    final class LocationAccessMapper implements RowMapper<LocationAccess> {
        @Override
        public LocationAccess map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new LocationAccess(rs.getString("timezone"), rs.getString("currency"), rs.getString("role"));
        }
    }
}
