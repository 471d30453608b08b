package com.bookedbarber.command.db;

import com.bookedbarber.command.core.Payment;
import com.bookedbarber.command.core.PaymentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
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

@RegisterRowMapper(PaymentDao.PaymentMapper.class)
public interface PaymentDao {
    String COLUMNS = "id, appointment_id, location_id, barber_id, payer_id, created_by, method, status, amount_cents, "
            + "tip_cents, currency, platform_fee_cents, barber_amount_cents, refunded_cents, provider_intent_id, "
            + "version, completed_at, created_at, updated_at";

    /**
     * Inserts a new payment. The partial unique index {@code payments_one_live_per_appointment}
     * rejects (SQLSTATE 23505) a second pending or successful payment of one appointment.
     */
    @SqlUpdate("INSERT INTO payments (" + COLUMNS + ") VALUES (:id, :appointmentId, :locationId, :barberId, :payerId, "
            + ":createdBy, :method, :status, :amountCents, :tipCents, :currency, :platformFeeCents, "
            + ":barberAmountCents, :refundedCents, :providerIntentId, :version, :completedAt, :createdAt, :updatedAt)")
    void insert(@Bind("id") UUID id, @Bind("appointmentId") UUID appointmentId, @Bind("locationId") UUID locationId,
                @Bind("barberId") UUID barberId, @Bind("payerId") UUID payerId, @Bind("createdBy") UUID createdBy,
                @Bind("method") String method, @Bind("status") String status, @Bind("amountCents") long amountCents,
                @Bind("tipCents") long tipCents, @Bind("currency") String currency,
                @Bind("platformFeeCents") long platformFeeCents, @Bind("barberAmountCents") long barberAmountCents,
                @Bind("refundedCents") long refundedCents, @Bind("providerIntentId") String providerIntentId,
                @Bind("version") int version, @Bind("completedAt") OffsetDateTime completedAt,
                @Bind("createdAt") OffsetDateTime createdAt, @Bind("updatedAt") OffsetDateTime updatedAt);

    default void insert(Payment p) {
        insert(p.id(), p.appointmentId(), p.locationId(), p.barberId(), p.payerId(), p.createdBy(), p.method(),
                p.status().wireName(), p.amountCents(), p.tipCents(), p.currency(), p.platformFeeCents(),
                p.barberAmountCents(), p.refundedCents(), p.providerIntentId(), p.version(),
                Timestamps.utc(p.completedAt()), Timestamps.utc(p.createdAt()), Timestamps.utc(p.updatedAt()));
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM payments WHERE id = :id")
    Optional<Payment> find(@Bind("id") UUID id);

    /** The payment if the caller may see it: its payer, or staff of its location; else nothing (404). */
    @SqlQuery("SELECT " + COLUMNS + " FROM payments p WHERE p.id = :id AND (p.payer_id = :caller "
            + "OR EXISTS (SELECT 1 FROM location_members m WHERE m.location_id = p.location_id AND m.user_id = :caller))")
    Optional<Payment> findVisible(@Bind("id") UUID id, @Bind("caller") UUID callerId);

    /** Locks the row for a change (refund, webhook), serialising concurrent changes of one payment. */
    @SqlQuery("SELECT " + COLUMNS + " FROM payments WHERE id = :id FOR UPDATE")
    Optional<Payment> lock(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM payments WHERE provider_intent_id = :intentId FOR UPDATE")
    Optional<Payment> lockByIntent(@Bind("intentId") String intentId);

    /** The appointment's payment that money was taken for, if any (for the cancellation refund). */
    @SqlQuery("SELECT " + COLUMNS + " FROM payments WHERE appointment_id = :appointmentId "
            + "AND status IN ('completed', 'partially_refunded') FOR UPDATE")
    Optional<Payment> lockPaidForAppointment(@Bind("appointmentId") UUID appointmentId);

    /** Whether the appointment has a live (pending or paid) payment other than this one. */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM payments WHERE appointment_id = :appointmentId AND id <> :id "
            + "AND status <> 'failed')")
    boolean otherLive(@Bind("appointmentId") UUID appointmentId, @Bind("id") UUID id);

    @SqlUpdate("UPDATE payments SET provider_intent_id = :intentId, updated_at = now() WHERE id = :id")
    void setIntent(@Bind("id") UUID id, @Bind("intentId") String intentId);

    /** Writes a changed payment; 0 when its version moved on meanwhile. */
    @SqlUpdate("UPDATE payments SET status = :status, refunded_cents = :refundedCents, completed_at = :completedAt, "
            + "version = :version, updated_at = :updatedAt WHERE id = :id AND version = :version - 1")
    int update(@Bind("id") UUID id, @Bind("status") String status, @Bind("refundedCents") long refundedCents,
               @Bind("completedAt") OffsetDateTime completedAt, @Bind("version") int version,
               @Bind("updatedAt") OffsetDateTime updatedAt);

    default int update(Payment p) {
        return update(p.id(), p.status().wireName(), p.refundedCents(), Timestamps.utc(p.completedAt()), p.version(),
                Timestamps.utc(p.updatedAt()));
    }

    /**
     * A page in (created_at, id) order after the cursor: a location's payments (staff) or the
     * caller's own (locationId null). The limit is one more than the page to detect a next page.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM payments WHERE "
            + "(CAST(:locationId AS uuid) IS NULL OR location_id = :locationId) "
            + "AND (CAST(:payerId AS uuid) IS NULL OR payer_id = :payerId) "
            + "AND created_at >= :from AND created_at < :to "
            + "AND (CAST(:afterCreated AS timestamptz) IS NULL OR (created_at, id) > (:afterCreated, :afterId)) "
            + "ORDER BY created_at, id LIMIT :limit")
    List<Payment> page(@Bind("locationId") UUID locationId, @Bind("payerId") UUID payerId,
                       @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to,
                       @Bind("afterCreated") OffsetDateTime afterCreated, @Bind("afterId") UUID afterId,
                       @Bind("limit") int limit);

    final class PaymentMapper implements RowMapper<Payment> {
        @Override
        public Payment map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Payment(
                    rs.getObject("id", UUID.class),
                    rs.getObject("appointment_id", UUID.class),
                    rs.getObject("location_id", UUID.class),
                    rs.getObject("barber_id", UUID.class),
                    rs.getObject("payer_id", UUID.class),
                    rs.getObject("created_by", UUID.class),
                    rs.getString("method"),
                    PaymentStatus.fromWire(rs.getString("status")),
                    rs.getLong("amount_cents"),
                    rs.getLong("tip_cents"),
                    rs.getString("currency"),
                    rs.getLong("platform_fee_cents"),
                    rs.getLong("barber_amount_cents"),
                    rs.getLong("refunded_cents"),
                    rs.getString("provider_intent_id"),
                    rs.getInt("version"),
                    Timestamps.instant(rs, "completed_at"),
                    Timestamps.instant(rs, "created_at"),
                    Timestamps.instant(rs, "updated_at"));
        }
    }
}
