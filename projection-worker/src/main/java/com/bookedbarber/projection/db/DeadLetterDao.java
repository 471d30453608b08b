package com.bookedbarber.projection.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Records the worker could not apply, kept with the reason instead of stalling the partition. */
public interface DeadLetterDao {
    @SqlUpdate("INSERT INTO projection_dead_letters (topic, partition, record_offset, record_key, payload, reason) "
            + "VALUES (:topic, :partition, :offset, :key, :payload, :reason) "
            + "ON CONFLICT (topic, partition, record_offset) DO NOTHING")
    void insert(@Bind("topic") String topic, @Bind("partition") int partition, @Bind("offset") long offset,
                @Bind("key") String key, @Bind("payload") byte[] payload, @Bind("reason") String reason);

    /** Dead letters recorded in the last day: an operator should look at them. */
    @SqlQuery("SELECT count(*) FROM projection_dead_letters WHERE failed_at > now() - interval '1 day'")
    long recentCount();
}
