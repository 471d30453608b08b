package com.bookedbarber.projection.db;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The payment read model: daily_revenue and the per-payment version memory behind it; batch-wide writes. */
public interface RevenueDao {
    /** A payment's last applied version. */
    record PaymentVersion(UUID paymentId, long version) {
    }

    @SqlQuery("SELECT payment_id, aggregate_version AS version FROM projection_payments "
            + "WHERE payment_id = ANY(CAST(:ids AS uuid[])) FOR UPDATE")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(PaymentVersion.class)
    List<PaymentVersion> lockPayments(@Bind("ids") UUID[] paymentIds);

    @SqlUpdate("INSERT INTO projection_payments (payment_id, location_id, aggregate_version) SELECT * FROM unnest("
            + "CAST(:ids AS uuid[]), CAST(:locations AS uuid[]), CAST(:versions AS bigint[])) "
            + "ON CONFLICT (payment_id) DO UPDATE SET aggregate_version = EXCLUDED.aggregate_version")
    void savePayments(@Bind("ids") UUID[] ids, @Bind("locations") UUID[] locations, @Bind("versions") Long[] versions);

    /** Adds net deltas to daily_revenue rows (created on first use). */
    @SqlUpdate("INSERT INTO daily_revenue AS r (location_id, local_date, currency, gross_cents, refunded_cents, "
            + "payments, refunds) SELECT * FROM unnest(CAST(:locations AS uuid[]), CAST(:dates AS date[]), "
            + "CAST(:currencies AS text[]), CAST(:gross AS bigint[]), CAST(:refunded AS bigint[]), "
            + "CAST(:payments AS int[]), CAST(:refunds AS int[])) "
            + "ON CONFLICT (location_id, local_date, currency) DO UPDATE SET "
            + "gross_cents = r.gross_cents + EXCLUDED.gross_cents, "
            + "refunded_cents = r.refunded_cents + EXCLUDED.refunded_cents, "
            + "payments = r.payments + EXCLUDED.payments, refunds = r.refunds + EXCLUDED.refunds")
    void addRevenue(@Bind("locations") UUID[] locations, @Bind("dates") String[] dates,
                    @Bind("currencies") String[] currencies, @Bind("gross") Long[] gross,
                    @Bind("refunded") Long[] refunded, @Bind("payments") Integer[] payments,
                    @Bind("refunds") Integer[] refunds);
}
