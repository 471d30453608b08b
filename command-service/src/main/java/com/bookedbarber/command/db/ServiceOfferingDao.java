package com.bookedbarber.command.db;

import com.bookedbarber.command.core.ServiceOffering;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ServiceOfferingDao.ServiceOfferingMapper.class)
public interface ServiceOfferingDao {
    String COLUMNS = "id, location_id, name, duration_minutes, price_cents, buffer_minutes";

    @SqlQuery("SELECT " + COLUMNS + " FROM services WHERE location_id = :locationId AND id = :id")
    Optional<ServiceOffering> find(@Bind("locationId") UUID locationId, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM services WHERE location_id = :locationId ORDER BY name, id")
    List<ServiceOffering> list(@Bind("locationId") UUID locationId);

    @SqlUpdate("INSERT INTO services (id, location_id, name, duration_minutes, price_cents, buffer_minutes) "
            + "VALUES (:id, :locationId, :name, :duration, :price, :buffer)")
    void insert(@Bind("id") UUID id, @Bind("locationId") UUID locationId, @Bind("name") String name,
                @Bind("duration") int durationMinutes, @Bind("price") long priceCents, @Bind("buffer") int bufferMinutes);

    final class ServiceOfferingMapper implements RowMapper<ServiceOffering> {
        @Override
        public ServiceOffering map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ServiceOffering(
                    rs.getObject("id", UUID.class),
                    rs.getObject("location_id", UUID.class),
                    rs.getString("name"),
                    rs.getInt("duration_minutes"),
                    rs.getLong("price_cents"),
                    rs.getInt("buffer_minutes"));
        }
    }
}
