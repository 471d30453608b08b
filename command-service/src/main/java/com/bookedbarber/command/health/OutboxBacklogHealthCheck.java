package com.bookedbarber.command.health;

import com.bookedbarber.command.db.OutboxDao;
import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/** Unhealthy when the oldest unpublished event waits longer than the configured age. */
public final class OutboxBacklogHealthCheck extends HealthCheck {
    private final Jdbi primary;
    private final Duration maxAge;
    private final Clock clock;

    public OutboxBacklogHealthCheck(Jdbi primary, Duration maxAge, Clock clock) {
        this.primary = primary;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    protected Result check() {
        OutboxDao.Backlog backlog = primary.withExtension(OutboxDao.class, OutboxDao::backlog);
        if (backlog.oldest() == null) {
            return Result.healthy("outbox empty");
        }
        Duration age = Duration.between(backlog.oldest().toInstant(), clock.instant());
        String detail = String.format("%d unpublished, oldest %d ms", backlog.count(), age.toMillis());
        return age.compareTo(maxAge) > 0 ? Result.unhealthy(detail) : Result.healthy(detail);
    }
}
