package com.bookedbarber.command.db;

import com.bookedbarber.command.core.OutboxEvent;
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
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(OutboxDao.PendingMapper.class)
public interface OutboxDao {
    /** An unpublished row as the relay needs it. */
    record Pending(long id, String topic, UUID aggregateId, UUID eventId, String eventType, String envelope,
                   OffsetDateTime createdAt) {
    }

    /** Backlog figures for health checks and metrics; {@code oldest} is null when empty. */
    record Backlog(long count, OffsetDateTime oldest) {
    }

    @SqlUpdate("INSERT INTO outbox (event_id, topic, aggregate_id, aggregate_version, event_type, location_id, "
            + "occurred_at, envelope) VALUES (:eventId, :topic, :aggregateId, :aggregateVersion, :eventType, "
            + ":locationId, :occurredAt, :envelope)")
    void insert(@Bind("eventId") UUID eventId, @Bind("topic") String topic, @Bind("aggregateId") UUID aggregateId,
                @Bind("aggregateVersion") long aggregateVersion, @Bind("eventType") String eventType,
                @Bind("locationId") UUID locationId, @Bind("occurredAt") OffsetDateTime occurredAt,
                @Bind("envelope") String envelope);

    default void insert(OutboxEvent e) {
        insert(e.eventId(), e.topic(), e.aggregateId(), e.aggregateVersion(), e.eventType(), e.locationId(),
                Timestamps.utc(e.occurredAt()), e.envelope());
    }

    /**
     * Unpublished rows, oldest first. Per aggregate, id order is commit order: the next event of
     * an aggregate is written only after the transaction holding its row lock has committed.
     */
    @SqlQuery("SELECT id, topic, aggregate_id, event_id, event_type, envelope, created_at FROM outbox "
            + "WHERE published_at IS NULL ORDER BY id LIMIT :limit")
    List<Pending> unpublished(@Bind("limit") int limit);

    @SqlUpdate("UPDATE outbox SET published_at = now() WHERE id = ANY(:ids)")
    int markPublished(@Bind("ids") long[] ids);

    @SqlQuery("SELECT count(*) AS count, min(created_at) AS oldest FROM outbox WHERE published_at IS NULL")
    @RegisterRowMapper(BacklogMapper.class)
    Backlog backlog();

    /**
     * Milliseconds since the oldest event published in the last hour that the projection worker
     * has not applied yet; empty when it has applied them all.
     */
    @SqlQuery("SELECT (extract(epoch FROM now() - min(o.published_at)) * 1000)::bigint FROM outbox o "
            + "WHERE o.published_at > now() - interval '1 hour' "
            + "AND NOT EXISTS (SELECT 1 FROM projection_applied_events a WHERE a.event_id = o.event_id)")
    java.util.Optional<Long> oldestUnappliedMillis();

    @SqlUpdate("DELETE FROM outbox WHERE published_at < :before")
    int deletePublishedBefore(@Bind("before") OffsetDateTime before);

    final class PendingMapper implements RowMapper<Pending> {
        @Override
        public Pending map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Pending(rs.getLong("id"), rs.getString("topic"), rs.getObject("aggregate_id", UUID.class),
                    rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("envelope"),
                    rs.getObject("created_at", OffsetDateTime.class));
        }
    }

    final class BacklogMapper implements RowMapper<Backlog> {
        @Override
        public Backlog map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Backlog(rs.getLong("count"), rs.getObject("oldest", OffsetDateTime.class));
        }
    }
}
