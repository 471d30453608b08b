package com.bookedbarber.command.db;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

public interface MemberDao {
    /** The location's barbers in a stable order, so "any free barber" is deterministic. */
    @SqlQuery("SELECT user_id FROM location_members WHERE location_id = :locationId AND role = 'barber' "
            + "ORDER BY user_id")
    List<UUID> barberIds(@Bind("locationId") UUID locationId);
}
