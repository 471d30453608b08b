package com.bookedbarber.command.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(RefundDao.RefundMapper.class)
public interface RefundDao {
    /** A refund row; {@code pending} ones are reserved against the payment's refundable remainder. */
    record Refund(UUID id, UUID paymentId, long amountCents, String status, String reason, Instant createdAt) {
    }

    @SqlUpdate("INSERT INTO refunds (id, payment_id, amount_cents, status, reason, requested_by, created_at, updated_at) "
            + "VALUES (:id, :paymentId, :amountCents, :status, :reason, :requestedBy, :now, :now)")
    void insert(@Bind("id") UUID id, @Bind("paymentId") UUID paymentId, @Bind("amountCents") long amountCents,
                @Bind("status") String status, @Bind("reason") String reason, @Bind("requestedBy") UUID requestedBy,
                @Bind("now") OffsetDateTime now);

    @SqlQuery("SELECT id, payment_id, amount_cents, status, reason, created_at FROM refunds WHERE id = :id")
    Optional<Refund> find(@Bind("id") UUID id);

    /** What pending refunds of the payment hold back from its refundable remainder. */
    @SqlQuery("SELECT coalesce(sum(amount_cents), 0) FROM refunds WHERE payment_id = :paymentId AND status = 'pending'")
    long pendingCents(@Bind("paymentId") UUID paymentId);

    @SqlQuery("SELECT id, payment_id, amount_cents, status, reason, created_at FROM refunds "
            + "WHERE payment_id = :paymentId AND status = 'pending' ORDER BY created_at, id")
    List<Refund> pendingOf(@Bind("paymentId") UUID paymentId);

    /** Settles a pending refund; 0 when it was settled meanwhile (by a webhook or the retrier). */
    @SqlUpdate("UPDATE refunds SET status = :status, provider_refund_id = coalesce(:providerRefundId, provider_refund_id), "
            + "updated_at = :now WHERE id = :id AND status = 'pending'")
    int settle(@Bind("id") UUID id, @Bind("status") String status, @Bind("providerRefundId") String providerRefundId,
               @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE refunds SET attempts = attempts + 1, updated_at = now() WHERE id = :id")
    void countAttempt(@Bind("id") UUID id);

    /** Pending card refunds not touched for a while: the retrier's work. */
    @SqlQuery("SELECT id FROM refunds WHERE status = 'pending' AND updated_at < :before ORDER BY created_at LIMIT :limit")
    List<UUID> stalePending(@Bind("before") OffsetDateTime before, @Bind("limit") int limit);

    final class RefundMapper implements RowMapper<Refund> {
        @Override
        public Refund map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Refund(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class),
                    rs.getLong("amount_cents"), rs.getString("status"), rs.getString("reason"),
                    Timestamps.instant(rs, "created_at"));
        }
    }
}
