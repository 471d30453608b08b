package com.bookedbarber.projection.consumer;

import com.codahale.metrics.MetricRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** The real applier, counting the worker's transactions that failed (each rolls the applier back). */
final class RollbackCountingApplier extends EventApplier {
    private final AtomicInteger failedTransactions = new AtomicInteger();

    RollbackCountingApplier() {
        super(new MetricRegistry());
    }

    int failedTransactions() {
        return failedTransactions.get();
    }

    @Override
    void rolledBack() {
        failedTransactions.incrementAndGet();
        super.rolledBack();
    }
}
