package com.bookedbarber.command.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Card-provider webhook events already applied; recorded in the transaction of their effect. */
public interface ProviderEventDao {
    /** 1 for a new event id, 0 for a redelivery (which then must change nothing). */
    @SqlUpdate("INSERT INTO provider_webhook_events (event_id, event_type) VALUES (:eventId, :type) "
            + "ON CONFLICT (event_id) DO NOTHING")
    int record(@Bind("eventId") String eventId, @Bind("type") String type);
}
