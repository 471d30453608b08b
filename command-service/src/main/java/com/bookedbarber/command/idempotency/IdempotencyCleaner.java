package com.bookedbarber.command.idempotency;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes idempotency keys older than the retention (at least the contract's 24 h), every 10 minutes. */
public final class IdempotencyCleaner implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyCleaner.class);

    private final Jdbi primary;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "idempotency-cleaner");
        t.setDaemon(true);
        return t;
    });

    public IdempotencyCleaner(Jdbi primary, Duration retention, Clock clock) {
        this.primary = primary;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler.scheduleWithFixedDelay(this::cleanSafely, 1, 10, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
    }

    public int clean() {
        return primary.withExtension(IdempotencyDao.class,
                dao -> dao.deleteOlderThan(clock.instant().minus(retention).atOffset(ZoneOffset.UTC)));
    }

    private void cleanSafely() {
        try {
            int deleted = clean();
            if (deleted > 0) {
                LOG.info("deleted {} expired idempotency keys", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("idempotency key cleanup failed; will retry: {}", e.toString());
        }
    }
}
