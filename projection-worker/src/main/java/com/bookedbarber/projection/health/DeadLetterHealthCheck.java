package com.bookedbarber.projection.health;

import com.bookedbarber.projection.db.DeadLetterDao;
import com.codahale.metrics.health.HealthCheck;
import org.jdbi.v3.core.Jdbi;

/**
 * Unhealthy while records were dead-lettered in the last day: the worker moved on (nothing
 * stalls), but those events are missing from the read models until an operator replays them.
 */
public final class DeadLetterHealthCheck extends HealthCheck {
    private final Jdbi jdbi;

    public DeadLetterHealthCheck(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    protected Result check() {
        long recent = jdbi.withExtension(DeadLetterDao.class, DeadLetterDao::recentCount);
        return recent == 0 ? Result.healthy("no dead letters in the last day")
                : Result.unhealthy(recent + " record(s) dead-lettered in the last day: see projection_dead_letters");
    }
}
