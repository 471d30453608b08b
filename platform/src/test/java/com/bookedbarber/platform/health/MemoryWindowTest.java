package com.bookedbarber.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryWindowTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final long MIB = 1024 * 1024;

    @Test
    void flatMemoryWithASpikeIsNoGrowth() {
        MemoryWindow window = new MemoryWindow(40);
        for (int i = 0; i < 40; i++) {
            window.add(new MemoryWindow.Sample(T0.plus(Duration.ofMinutes(i)), (i == 20 ? 900 : 300) * MIB, 0));
        }
        assertThat(window.rssGrowthPercentPerHour(Duration.ofMinutes(10))).get()
                .satisfies(g -> assertThat(g).isBetween(-1.0, 1.0));
    }

    @Test
    void steadyGrowthIsMeasuredPerHour() {
        MemoryWindow window = new MemoryWindow(40);
        // one MiB a minute from 300 MiB
        for (int i = 0; i < 40; i++) {
            window.add(new MemoryWindow.Sample(T0.plus(Duration.ofMinutes(i)), (300 + i) * MIB, 0));
        }
        // quarters' means 304.5 and 334.5 MiB, 30 minutes apart: 9.85% in half an hour
        assertThat(window.rssGrowthPercentPerHour(Duration.ofMinutes(10))).get()
                .satisfies(g -> assertThat(g).isBetween(19.0, 21.0));
    }

    @Test
    void saysNothingUntilTheWindowIsFullAndLongEnough() {
        MemoryWindow window = new MemoryWindow(8);
        for (int i = 0; i < 7; i++) {
            window.add(new MemoryWindow.Sample(T0.plusSeconds(i), 100 * MIB, 0));
        }
        assertThat(window.rssGrowthPercentPerHour(Duration.ZERO)).isEmpty();
        window.add(new MemoryWindow.Sample(T0.plusSeconds(7), 100 * MIB, 0));
        assertThat(window.rssGrowthPercentPerHour(Duration.ofHours(1))).isEmpty();
        assertThat(window.rssGrowthPercentPerHour(Duration.ofSeconds(1))).isPresent();
    }
}
