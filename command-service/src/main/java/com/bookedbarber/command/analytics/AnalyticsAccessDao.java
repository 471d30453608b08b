package com.bookedbarber.command.analytics;

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

/**
 * The one query of every analytics request: may the caller read this location's analytics, and
 * which version of its projection is current. Apart from {@link AnalyticsDao} because Jdbi
 * prepares every method of a SqlObject on each attach, and a cache hit needs only this one.
 */
public interface AnalyticsAccessDao {
    /** The location as the caller sees it: empty unless the caller is a member (other tenants: 404). */
    record LocationAccess(String timezone, String currency, String role, OffsetDateTime asOf, long version) {
        public boolean mayReadAnalytics() {
            return "owner".equals(role) || "manager".equals(role);
        }
    }

    /** With the projection's freshness (as_of, null before the first event) and version (0 before it). */
    @SqlQuery("SELECT l.timezone, l.currency, m.role, p.as_of, coalesce(p.version, 0) AS version "
            + "FROM locations l JOIN location_members m ON m.location_id = l.id AND m.user_id = :caller "
            + "LEFT JOIN projection_locations p ON p.location_id = l.id WHERE l.id = :id")
    @RegisterRowMapper(LocationAccessMapper.class)
    Optional<LocationAccess> access(@Bind("id") UUID locationId, @Bind("caller") UUID callerId);

    /** By hand: Jdbi's ConstructorMapper matches columns to parameters again on every query (7% of a request). */
    final class LocationAccessMapper implements RowMapper<LocationAccess> {
        @Override
        public LocationAccess map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new LocationAccess(rs.getString("timezone"), rs.getString("currency"), rs.getString("role"),
                    rs.getObject("as_of", OffsetDateTime.class), rs.getLong("version"));
        }
    }
}
