package com.bookedbarber.command.service;

import com.bookedbarber.api.events.EventType;
import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.core.EventFactory;
import com.bookedbarber.command.core.Payment;
import com.bookedbarber.command.core.PaymentStatus;
import com.bookedbarber.command.db.OutboxDao;
import com.bookedbarber.command.db.PaymentDao;
import com.bookedbarber.command.db.ProviderEventDao;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the card provider's (already verified) webhook events. Each event id is recorded in
 * the transaction of its effect, so a redelivery changes nothing. Deliveries can come out of
 * order: an event that needs a state the payment has not reached yet (a refund or dispute of a
 * payment still pending) is refused with 503 so the provider delivers it again later; a late
 * event that no longer applies (a failure after success) is recorded and ignored.
 */
public final class WebhookService {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);

    private final Jdbi primary;
    private final RefundService refunds;
    private final CatalogCache catalog;
    private final Clock clock;

    public WebhookService(Jdbi primary, RefundService refunds, CatalogCache catalog, Clock clock) {
        this.primary = primary;
        this.refunds = refunds;
        this.catalog = catalog;
        this.clock = clock;
    }

    public void apply(JsonNode event) {
        String id = text(event, "id");
        String type = text(event, "type");
        JsonNode object = event.path("data").path("object");
        if (id == null || type == null || id.length() > 255 || type.length() > 255) {
            throw DomainException.malformedField("body", "is not a provider event (id and type required)");
        }
        Instant occurred = event.path("created").canConvertToLong()
                ? Instant.ofEpochSecond(event.path("created").asLong()) : now();
        primary.useTransaction(h -> {
            if (h.attach(ProviderEventDao.class).record(id, type) == 0) {
                return; // a redelivery: applied before
            }
            switch (type) {
                case "payment_intent.succeeded" -> lockedIntent(h, object).ifPresent(p -> succeeded(h, p, occurred));
                case "payment_intent.payment_failed" -> lockedIntent(h, object).ifPresent(p -> failed(h, p));
                case "charge.refunded" -> locked(h, text(object, "payment_intent")).ifPresent(p -> {
                    requireSettled(p, type);
                    refunds.reconcile(h, p, object.path("amount_refunded").asLong(0), now());
                });
                case "charge.dispute.created" -> locked(h, text(object, "payment_intent")).ifPresent(p -> disputed(h, p, type));
                default -> LOG.debug("ignoring provider event type {}", type);
            }
        });
    }

    private void succeeded(Handle h, Payment payment, Instant occurred) {
        boolean completable = payment.status() == PaymentStatus.PENDING
                || payment.status() == PaymentStatus.FAILED
                && !h.attach(PaymentDao.class).otherLive(payment.appointmentId(), payment.id());
        if (!completable) {
            if (payment.status() == PaymentStatus.FAILED) {
                LOG.warn("payment {} succeeded at the provider after another payment was taken: refund it there",
                        payment.id());
            }
            return;
        }
        Instant completedAt = occurred.truncatedTo(ChronoUnit.MICROS);
        write(h, payment.next(PaymentStatus.COMPLETED, payment.refundedCents(), completedAt, now()),
                EventType.PaymentCompleted);
    }

    private void failed(Handle h, Payment payment) {
        if (payment.status() == PaymentStatus.PENDING) {
            write(h, payment.next(PaymentStatus.FAILED, payment.refundedCents(), null, now()), EventType.PaymentFailed);
        }
    }

    private void disputed(Handle h, Payment payment, String type) {
        requireSettled(payment, type);
        if (payment.status() != PaymentStatus.DISPUTED && payment.status() != PaymentStatus.FAILED) {
            write(h, payment.next(PaymentStatus.DISPUTED, payment.refundedCents(), payment.completedAt(), now()),
                    EventType.PaymentDisputed);
        }
    }

    /** A refund or dispute of a payment whose success we have not seen yet: deliver it again later. */
    private static void requireSettled(Payment payment, String type) {
        if (payment.status() == PaymentStatus.PENDING) {
            throw DomainException.unavailable("out_of_order",
                    type + " arrived before the payment's success; the provider will deliver it again", 60);
        }
    }

    private void write(Handle h, Payment next, EventType event) {
        if (h.attach(PaymentDao.class).update(next) != 1) {
            throw new IllegalStateException("payment " + next.id() + " changed while locked");
        }
        h.attach(OutboxDao.class).insert(EventFactory.payment(event, next, catalog.timezone(next.locationId()),
                next.updatedAt()));
    }

    /**
     * The payment of a PaymentIntent event: by intent id, or by the payment id we put in its
     * metadata (the webhook can arrive before we stored the intent id).
     */
    private static Optional<Payment> lockedIntent(Handle h, JsonNode intent) {
        Optional<Payment> byIntent = locked(h, text(intent, "id"));
        if (byIntent.isPresent()) {
            return byIntent;
        }
        String paymentId = text(intent.path("metadata"), "payment_id");
        try {
            return paymentId == null ? Optional.empty()
                    : h.attach(PaymentDao.class).lock(java.util.UUID.fromString(paymentId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Payment> locked(Handle h, String intentId) {
        if (intentId == null) {
            return Optional.empty();
        }
        Optional<Payment> payment = h.attach(PaymentDao.class).lockByIntent(intentId);
        return payment;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
