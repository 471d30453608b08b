package com.bookedbarber.projection.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    @Test
    void agreesWhenEqualAndTreatsAMissingRowAsZeros() {
        assertThat(Reconciliation.differences("hourly_bookings",
                Map.of("2026-12-01 10", List.of(1L, 0L, 2L, 0L)),
                Map.of("2026-12-01 10", List.of(1L, 0L, 2L, 0L), "2026-12-01 11", List.of(0L, 0L, 0L, 0L))))
                .isEmpty();
    }

    @Test
    void listsEveryKeyThatDiffersOnEitherSide() {
        List<String> differences = Reconciliation.differences("daily_revenue",
                Map.of("2026-12-01 USD", List.of(3000L, 0L, 1L, 0L), "2026-12-02 USD", List.of(0L, 500L, 0L, 1L)),
                Map.of("2026-12-01 USD", List.of(6000L, 0L, 2L, 0L), "2026-12-03 USD", List.of(10L, 0L, 1L, 0L)));
        assertThat(differences).containsExactly(
                "daily_revenue 2026-12-01 USD: expected [3000, 0, 1, 0], projected [6000, 0, 2, 0]",
                "daily_revenue 2026-12-02 USD: expected [0, 500, 0, 1], projected [0, 0, 0, 0]",
                "daily_revenue 2026-12-03 USD: expected [0, 0, 0, 0], projected [10, 0, 1, 0]");
    }
}
