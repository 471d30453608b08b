package com.bookedbarber.projection.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HalvingIsolationTest {
    /** Commits a part unless it holds a refused record; counts the transactions. */
    private static final class Ledger {
        final Set<Integer> refused;
        final List<Integer> committed = new ArrayList<>();
        final List<Integer> deadLettered = new ArrayList<>();
        int transactions;

        Ledger(Set<Integer> refused) {
            this.refused = refused;
        }

        void apply(List<Integer> records) {
            transactions++;
            records.stream().filter(refused::contains).findFirst().ifPresent(r -> {
                throw new IllegalStateException("refused " + r);
            });
            committed.addAll(records);
        }

        void isolate(List<Integer> records) {
            HalvingIsolation.apply(records, this::apply, (r, e) -> {
                assertThat(e).hasMessage("refused " + r);
                deadLettered.add(r);
            }, e -> false);
        }
    }

    private static List<Integer> records(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void oneRefusedRecordAnywhereIsDeadLetteredAndEveryOtherCommitsInOrderInLogarithmicallyManyTransactions() {
        for (int poison = 0; poison < 691; poison++) {
            Ledger ledger = new Ledger(Set.of(poison));
            ledger.isolate(records(691));
            int p = poison;
            assertThat(ledger.deadLettered).containsExactly(poison);
            assertThat(ledger.committed).isEqualTo(records(691).stream().filter(r -> r != p).toList());
            // the whole, then two parts per halving: 1 + 2 * ceil(log2 691) = 21, against 691 one by one
            assertThat(ledger.transactions).isLessThanOrEqualTo(21);
        }
    }

    @Test
    void severalRefusedRecordsAreEachDeadLetteredAndTheRestKeepsItsOrder() {
        Ledger ledger = new Ledger(Set.of(0, 1, 57, 499, 500));
        ledger.isolate(records(500));
        assertThat(ledger.deadLettered).containsExactly(0, 1, 57, 499);
        assertThat(ledger.committed).isEqualTo(records(500).stream()
                .filter(r -> !Set.of(0, 1, 57, 499).contains(r)).toList());
    }

    @Test
    void aBatchThatNowCommitsIsAppliedInOneTransaction() {
        Ledger ledger = new Ledger(Set.of());
        ledger.isolate(records(100));
        assertThat(ledger.transactions).isEqualTo(1);
        assertThat(ledger.committed).isEqualTo(records(100));
    }

    @Test
    void aLoneRecordThatFailsIsDeadLetteredAfterItsOwnAttempt() {
        Ledger ledger = new Ledger(Set.of(7));
        ledger.isolate(List.of(7));
        assertThat(ledger.transactions).isEqualTo(1);
        assertThat(ledger.deadLettered).containsExactly(7);
    }

    @Test
    void aRetryableFailurePropagatesAtOnceAndDeadLettersNothing() {
        List<Integer> deadLettered = new ArrayList<>();
        List<List<Integer>> attempts = new ArrayList<>();
        RuntimeException unavailable = new IllegalStateException("database unavailable");
        assertThatThrownBy(() -> HalvingIsolation.apply(records(8), records -> {
            attempts.add(records);
            if (records.size() < 8) {
                throw unavailable;
            }
            throw new IllegalStateException("refused");
        }, (r, e) -> deadLettered.add(r), e -> e == unavailable)).isSameAs(unavailable);
        assertThat(deadLettered).isEmpty();
        // the whole, then its first half; nothing after the retryable failure
        assertThat(attempts).containsExactly(records(8), records(4));
    }
}
