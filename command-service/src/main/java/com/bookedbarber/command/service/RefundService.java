package com.bookedbarber.command.service;

import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.core.EventFactory;
import com.bookedbarber.command.core.Ids;
import com.bookedbarber.command.core.Payment;
import com.bookedbarber.command.core.PaymentStatus;
import com.bookedbarber.command.db.MemberDao;
import com.bookedbarber.command.db.OutboxDao;
import com.bookedbarber.command.db.PaymentDao;
import com.bookedbarber.command.db.RefundDao.Refund;
import com.bookedbarber.command.db.RefundDao;
import com.bookedbarber.command.provider.CardGateway;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The one path every refund takes (staff refunds, the cancellation policy, refunds made at the
 * provider). A refund is first reserved against the refundable remainder under the payment's
 * row lock, so concurrent refunds can never exceed the amount; cash refunds settle in that same
 * transaction, card refunds are then sent to the provider (Idempotency-Key = our refund id) and
 * settled by its answer, its webhook, or the retrier, whichever comes first: settling is
 * conditional on the refund still being pending, so none of them counts it twice.
 */
public final class RefundService {
    private static final Set<String> REFUNDERS = Set.of("owner", "manager");

    private final Jdbi primary;
    private final CardGateway gateway;
    private final CatalogCache catalog;
    private final Clock clock;

    public RefundService(Jdbi primary, CardGateway gateway, CatalogCache catalog, Clock clock) {
        this.primary = primary;
        this.gateway = gateway;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A refund requested by the location's owner or manager. */
    public Refund refund(UUID callerId, UUID paymentId, long amountCents, String reason) {
        Refund reserved = primary.inTransaction(h -> {
            Payment payment = h.attach(PaymentDao.class).lock(paymentId)
                    .orElseThrow(() -> DomainException.notFound("Payment"));
            String role = h.attach(MemberDao.class).role(payment.locationId(), callerId)
                    .orElseThrow(() -> DomainException.notFound("Payment"));
            if (!REFUNDERS.contains(role)) {
                throw DomainException.forbidden("forbidden", "Only the location's owner or manager may refund");
            }
            if ("card".equals(payment.method()) && !gateway.acceptingCalls()) {
                throw gateway.unavailable(); // nothing reserved
            }
            return reserve(h, payment, amountCents, reason, callerId, now());
        });
        return "pending".equals(reserved.status()) ? submit(reserved.id()) : reserved;
    }

    /**
     * Reserves a refund inside the caller's transaction, which holds {@code locked}'s row lock.
     * Cash refunds are settled at once; card refunds stay pending until {@link #submit}.
     */
    public Refund reserve(Handle h, Payment locked, long amountCents, String reason, UUID requestedBy, Instant now) {
        if (!locked.status().refundable()) {
            throw DomainException.conflict("payment_not_refundable",
                    "A payment that is " + locked.status().wireName() + " cannot be refunded");
        }
        RefundDao refunds = h.attach(RefundDao.class);
        long available = locked.refundableCents() - refunds.pendingCents(locked.id());
        if (amountCents > available) {
            throw DomainException.invalid("refund_exceeds_payment",
                    "At most " + Math.max(0, available) + " can be refunded");
        }
        UUID id = Ids.newId();
        boolean cash = "cash".equals(locked.method());
        refunds.insert(id, locked.id(), amountCents, cash ? "succeeded" : "pending", reason, requestedBy,
                now.atOffset(ZoneOffset.UTC));
        if (cash) {
            applyRefund(h, locked, id, amountCents, now);
        }
        return refunds.find(id).orElseThrow();
    }

    /** Sends a pending card refund to the provider and settles it by the answer; safe to repeat. */
    public Refund submit(UUID refundId) {
        Refund refund = find(refundId);
        if (!"pending".equals(refund.status())) {
            return refund;
        }
        Payment payment = primary.withExtension(PaymentDao.class, dao -> dao.find(refund.paymentId())).orElseThrow();
        primary.useExtension(RefundDao.class, dao -> dao.countAttempt(refundId));
        try {
            CardGateway.ProviderRefund answer = gateway.refund(refundId, payment.providerIntentId(),
                    refund.amountCents());
            switch (answer.status()) {
                case "succeeded" -> settleSucceeded(refundId, answer.id());
                case "failed", "canceled" -> settleFailed(refundId, answer.id());
                default -> {
                    // still processing at the provider: its charge.refunded webhook settles it
                }
            }
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.RULE_VIOLATION) {
                settleFailed(refundId, null); // the provider refused it for good
                throw e;
            }
            // unreachable or breaker open: it stays pending and the retrier sends it again
        }
        return find(refundId);
    }

    /**
     * A {@code charge.refunded} webhook: the provider's refunded total for the payment. Pending
     * refunds it covers are settled (oldest first); anything beyond them was refunded at the
     * provider directly (its dashboard) and is recorded as a refund of its own.
     */
    public void reconcile(Handle h, Payment locked, long providerRefundedCents, Instant now) {
        RefundDao refunds = h.attach(RefundDao.class);
        Payment current = locked;
        for (Refund pending : refunds.pendingOf(locked.id())) {
            if (current.refundedCents() + pending.amountCents() <= providerRefundedCents
                    && refunds.settle(pending.id(), "succeeded", null, now.atOffset(ZoneOffset.UTC)) == 1) {
                current = applyRefund(h, current, pending.id(), pending.amountCents(), now);
            }
        }
        long external = Math.min(providerRefundedCents, current.amountCents()) - current.refundedCents();
        if (external > 0) {
            UUID id = Ids.newId();
            refunds.insert(id, locked.id(), external, "succeeded", "refunded at the card provider", null,
                    now.atOffset(ZoneOffset.UTC));
            applyRefund(h, current, id, external, now);
        }
    }

    private void settleSucceeded(UUID refundId, String providerRefundId) {
        primary.useTransaction(h -> {
            Refund refund = h.attach(RefundDao.class).find(refundId).orElseThrow();
            Payment payment = h.attach(PaymentDao.class).lock(refund.paymentId()).orElseThrow();
            Instant now = now();
            if (h.attach(RefundDao.class).settle(refundId, "succeeded", providerRefundId,
                    now.atOffset(ZoneOffset.UTC)) == 1) {
                applyRefund(h, payment, refundId, refund.amountCents(), now);
            }
        });
    }

    private void settleFailed(UUID refundId, String providerRefundId) {
        primary.useExtension(RefundDao.class, dao -> dao.settle(refundId, "failed", providerRefundId,
                now().atOffset(ZoneOffset.UTC)));
    }

    /** The payment's next version with the refund counted, and its PaymentRefunded event. */
    private Payment applyRefund(Handle h, Payment locked, UUID refundId, long amountCents, Instant now) {
        long total = locked.refundedCents() + amountCents;
        Payment next = locked.next(PaymentStatus.afterRefunds(total, locked.amountCents()), total,
                locked.completedAt(), now);
        if (h.attach(PaymentDao.class).update(next) != 1) {
            throw new IllegalStateException("payment " + locked.id() + " changed while locked");
        }
        h.attach(OutboxDao.class).insert(EventFactory.refunded(next, catalog.timezone(next.locationId()), refundId,
                amountCents, now));
        return next;
    }

    private Refund find(UUID refundId) {
        return primary.withExtension(RefundDao.class, dao -> dao.find(refundId)).orElseThrow();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
