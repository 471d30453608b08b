package com.bookedbarber.projection.db;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The worker's consumed offsets, written in the same transaction as the rows they produced. */
public interface OffsetDao {
    record StoredOffset(String topic, int partition, long nextOffset) {
    }

    @SqlQuery("SELECT topic, partition, next_offset FROM projection_offsets WHERE consumer_group = :group")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(StoredOffset.class)
    List<StoredOffset> load(@Bind("group") String group);

    @SqlUpdate("INSERT INTO projection_offsets (consumer_group, topic, partition, next_offset, updated_at) "
            + "VALUES (:group, :topic, :partition, :nextOffset, now()) "
            + "ON CONFLICT (consumer_group, topic, partition) "
            + "DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = now()")
    void save(@Bind("group") String group, @Bind("topic") String topic, @Bind("partition") int partition,
              @Bind("nextOffset") long nextOffset);
}
