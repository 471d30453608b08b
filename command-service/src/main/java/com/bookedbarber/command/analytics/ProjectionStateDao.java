package com.bookedbarber.command.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * How far the projection of a location has come: its freshness ({@code as_of}, null before the
 * first event) and its version (0 before it), which moves with every batch the worker applies.
 */
public interface ProjectionStateDao {
    record ProjectionState(UUID locationId, OffsetDateTime asOf, long version) {
    }

    /** One location, as the data source at hand sees it (on a replica: as far as it has replayed). */
    @SqlQuery("SELECT CAST(:id AS uuid) AS location_id, p.as_of, coalesce(p.version, 0) AS version "
            + "FROM (SELECT 1) one LEFT JOIN projection_locations p ON p.location_id = :id")
    @RegisterRowMapper(ProjectionStateMapper.class)
    ProjectionState state(@Bind("id") UUID locationId);

    /** Every location's: the start of {@link ProjectionVersions}, read where the notifications come from. */
    @SqlQuery("SELECT location_id, as_of, version FROM projection_locations")
    @RegisterRowMapper(ProjectionStateMapper.class)
    List<ProjectionState> all();

    final class ProjectionStateMapper implements RowMapper<ProjectionState> {
        @Override
        public ProjectionState map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ProjectionState(rs.getObject("location_id", UUID.class),
                    rs.getObject("as_of", OffsetDateTime.class), rs.getLong("version"));
        }
    }
}
