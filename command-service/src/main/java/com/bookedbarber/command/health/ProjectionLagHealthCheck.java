package com.bookedbarber.command.health;

import com.bookedbarber.command.db.OutboxDao;
import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** How far the read models trail the events this service published. */
public final class ProjectionLagHealthCheck extends HealthCheck {
    private final Jdbi primary;
    private final Duration maxLag;

    public ProjectionLagHealthCheck(Jdbi primary, Duration maxLag) {
        this.primary = primary;
        this.maxLag = maxLag;
    }

    @Override
    protected Result check() {
        Optional<Long> lagMs = primary.withExtension(OutboxDao.class, OutboxDao::oldestUnappliedMillis);
        if (lagMs.isEmpty()) {
            return Result.healthy("projection up to date");
        }
        String detail = "oldest unapplied event published " + lagMs.get() + " ms ago";
        return lagMs.get() > maxLag.toMillis() ? Result.unhealthy(detail) : Result.healthy(detail);
    }
}
