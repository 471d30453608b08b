package com.bookedbarber.projection.consumer;

import java.util.List;
import java.util.function.Predicate;

/**
 * Applies a batch that keeps failing in halves until the records the database refuses stand
 * alone, so they can be dead-lettered while everything else commits: one bad record among n
 * costs about 2·log2(n) transactions instead of n. Each half is finished before the next one
 * starts, so records still commit in the order they came (a partition's offsets only grow).
 */
final class HalvingIsolation {
    /** Applies the records in one transaction, or throws having changed nothing. */
    @FunctionalInterface
    interface Transaction<T> {
        void apply(List<T> records);
    }

    /** Records a lone record as refused, for the reason its own transaction failed with. */
    @FunctionalInterface
    interface DeadLetter<T> {
        void record(T record, RuntimeException reason);
    }

    private HalvingIsolation() {
    }

    /**
     * A failure {@code retryable} accepts propagates at once, whatever the size of the part: no
     * record is to blame for it, and the caller retries the whole batch later.
     */
    static <T> void apply(List<T> records, Transaction<T> transaction, DeadLetter<T> deadLetter,
                          Predicate<RuntimeException> retryable) {
        if (records.isEmpty()) {
            return;
        }
        try {
            transaction.apply(records);
        } catch (RuntimeException e) {
            if (retryable.test(e)) {
                throw e;
            }
            if (records.size() == 1) {
                deadLetter.record(records.get(0), e);
                return;
            }
            int half = records.size() / 2;
            apply(records.subList(0, half), transaction, deadLetter, retryable);
            apply(records.subList(half, records.size()), transaction, deadLetter, retryable);
        }
    }
}
