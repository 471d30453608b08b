package com.bookedbarber.command.outbox;

import com.bookedbarber.command.db.OutboxDao;
import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The unpublished backlog as gauges, {@code outbox.backlog.count} and
 * {@code outbox.backlog.oldest-age-ms}, from one query at most every five seconds however often
 * reporters and dashboards read them. While the database is unreachable they keep the last reading.
 */
public final class OutboxBacklogGauges {
    private OutboxBacklogGauges() {
    }

    public static void register(MetricRegistry metrics, Jdbi primary, Clock clock) {
        CachedGauge<OutboxDao.Backlog> backlog = new CachedGauge<>(5, TimeUnit.SECONDS) {
            private OutboxDao.Backlog last = new OutboxDao.Backlog(0, null);

            @Override
            protected OutboxDao.Backlog loadValue() {
                try {
                    last = primary.withExtension(OutboxDao.class, OutboxDao::backlog);
                } catch (JdbiException unavailable) {
                    // the database health check reports this; the gauge keeps its last value
                }
                return last;
            }
        };
        metrics.gauge("outbox.backlog.count", () -> () -> backlog.getValue().count());
        metrics.gauge("outbox.backlog.oldest-age-ms", () -> () -> {
            OutboxDao.Backlog b = backlog.getValue();
            return b.oldest() == null ? 0L : Math.max(0, Duration.between(b.oldest().toInstant(), clock.instant()).toMillis());
        });
    }
}
