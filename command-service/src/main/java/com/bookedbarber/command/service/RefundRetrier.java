package com.bookedbarber.command.service;

import com.bookedbarber.command.db.RefundDao;
import com.bookedbarber.command.provider.CardGateway;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends card refunds that are still pending (the provider was down, or the process stopped
 * between reserving and settling) again, until they are settled. Safe on every instance at
 * once: the provider deduplicates by our refund id and settling is conditional.
 */
public final class RefundRetrier implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(RefundRetrier.class);
    private static final int BATCH = 50;

    private final Jdbi primary;
    private final RefundService refunds;
    private final CardGateway gateway;
    private final Duration every;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public RefundRetrier(Jdbi primary, RefundService refunds, CardGateway gateway, Duration every, Clock clock) {
        this.primary = primary;
        this.refunds = refunds;
        this.gateway = gateway;
        this.every = every;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "refund-retrier");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::retryOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass over the refunds pending for longer than a period; returns how many were sent. */
    public int retryOnce() {
        try {
            if (!gateway.acceptingCalls()) {
                return 0;
            }
            List<UUID> due = primary.withExtension(RefundDao.class, dao -> dao.stalePending(
                    clock.instant().minus(every).atOffset(ZoneOffset.UTC), BATCH));
            for (UUID id : due) {
                try {
                    refunds.submit(id);
                } catch (RuntimeException e) {
                    LOG.info("refund {} was refused by the provider: {}", id, e.getMessage());
                }
            }
            return due.size();
        } catch (RuntimeException e) {
            LOG.warn("refund retry pass failed; the next pass tries again", e);
            return 0;
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
