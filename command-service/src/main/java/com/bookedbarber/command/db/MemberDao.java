package com.bookedbarber.command.db;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface MemberDao {
    /** The location's barbers in a stable order, so "any free barber" is deterministic. */
    @SqlQuery("SELECT user_id FROM location_members WHERE location_id = :locationId AND role = 'barber' "
            + "ORDER BY user_id")
    List<UUID> barberIds(@Bind("locationId") UUID locationId);

    /** The caller's role at the location; empty for non-members (who must get 404). */
    @SqlQuery("SELECT role FROM location_members WHERE location_id = :locationId AND user_id = :userId")
    Optional<String> role(@Bind("locationId") UUID locationId, @Bind("userId") UUID userId);

    /** The share of a barber's service price the platform keeps (0..1). */
    @SqlQuery("SELECT commission_rate FROM location_members WHERE location_id = :locationId AND user_id = :barberId")
    Optional<BigDecimal> commissionRate(@Bind("locationId") UUID locationId, @Bind("barberId") UUID barberId);

    /**
     * Serialises bookings of one barber's chair: concurrent inserts that conflict on the exclusion
     * constraint would otherwise each wait for the other (a deadlock). Other barbers are not
     * blocked, nor are foreign-key checks (NO KEY UPDATE does not conflict with KEY SHARE).
     */
    @SqlQuery("SELECT true FROM location_members WHERE location_id = :locationId AND user_id = :barberId "
            + "FOR NO KEY UPDATE")
    Optional<Boolean> lockChair(@Bind("locationId") UUID locationId, @Bind("barberId") UUID barberId);

    /** Adds or changes a membership (one role per user and location). */
    @SqlUpdate("INSERT INTO location_members (location_id, user_id, role, commission_rate) "
            + "VALUES (:locationId, :userId, :role, :rate) ON CONFLICT (location_id, user_id) "
            + "DO UPDATE SET role = EXCLUDED.role, commission_rate = EXCLUDED.commission_rate")
    void upsert(@Bind("locationId") UUID locationId, @Bind("userId") UUID userId, @Bind("role") String role,
                @Bind("rate") BigDecimal commissionRate);
}
